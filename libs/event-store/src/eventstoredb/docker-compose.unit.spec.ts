import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * `docker compose config` cannot check the file on the development machines (no compose plugin, no
 * engine), so its structure is checked here: the services, ports, settings and profile the README and
 * the comments in the file promise.
 */

interface ComposeService {
  readonly image?: string;
  readonly profiles?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly ports?: readonly string[];
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly networks?: Readonly<Record<string, { readonly ipv4_address?: string }>>;
}

interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly networks?: Readonly<Record<string, { readonly ipam?: { readonly config?: readonly { readonly subnet?: string }[] } }>>;
}

const composePath = join(__dirname, '../../../../docker-compose.yml');
const text = readFileSync(composePath, 'utf8');
const compose = parse(text, { merge: true }) as ComposeFile;
const clusterNodes = ['eventstoredb-node1', 'eventstoredb-node2', 'eventstoredb-node3'];
const serverImage = /^(eventstore\/eventstore:24\.10|docker\.kurrent\.io\/kurrent-latest\/kurrentdb:[\d.]+)$/;

const serviceOf = (name: string): ComposeService => {
  const service = compose.services[name];
  if (!service) throw new Error(`docker-compose.yml has no service "${name}"`);
  return service;
};
const hostPortOf = (service: ComposeService): string => (service.ports?.[0] ?? '').split(':')[0] ?? '';

describe('docker-compose.yml', () => {
  it('given the default profile, then it starts one insecure node named eventstoredb on port 2113, with a health check', () => {
    const node = serviceOf('eventstoredb');

    expect(node.image).toMatch(serverImage);
    expect(node.profiles).toBeUndefined();
    expect(node.environment).toMatchObject({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_CLUSTER_SIZE: '1' });
    expect(node.ports).toEqual(['2113:2113']);
    expect(node.healthcheck?.test?.join(' ')).toContain('/health/live');
    expect(text).toContain('esdb://localhost:2113?tls=false');
  });

  it('given the cluster profile, then three insecure nodes seed their gossip with each other and advertise their host ports', () => {
    const nodes = clusterNodes.map(serviceOf);
    const addresses = nodes.map((node) => node.networks?.['eventstoredb-cluster']?.ipv4_address);

    expect(Object.keys(compose.services).filter((name) => compose.services[name]?.profiles?.includes('cluster'))).toEqual(clusterNodes);
    nodes.forEach((node, index) => {
      const others = addresses.filter((_, other) => other !== index).map((address) => `${address}:2113`);
      expect(node.image).toMatch(serverImage);
      expect(node.environment).toMatchObject({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_CLUSTER_SIZE: '3',
        EVENTSTORE_DISCOVER_VIA_DNS: 'false',
        EVENTSTORE_REPLICATION_IP: addresses[index],
        EVENTSTORE_GOSSIP_SEED: others.join(','),
        EVENTSTORE_ADVERTISE_HOST_TO_CLIENT_AS: '127.0.0.1',
        EVENTSTORE_ADVERTISE_NODE_PORT_TO_CLIENT_AS: hostPortOf(node),
      });
      expect(node.ports).toEqual([`${hostPortOf(node)}:2113`]);
    });
    expect(new Set(nodes.map(hostPortOf)).size).toBe(3);
    expect(addresses.every((address) => address?.startsWith('172.30.240.'))).toBe(true);
    expect(compose.networks?.['eventstoredb-cluster']?.ipam?.config?.[0]?.subnet).toBe('172.30.240.0/24');
  });

  it('given the comments, then they give the cluster connection string for exactly these ports, and keep a place for the app', () => {
    const seeds = clusterNodes.map((name) => `localhost:${hostPortOf(serviceOf(name))}`).join(',');

    expect(text).toContain(`esdb://${seeds}?tls=false&nodePreference=leader`);
    expect(text).toMatch(/^ {2}# api:$/m);
  });
});
