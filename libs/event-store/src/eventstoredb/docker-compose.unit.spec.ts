import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The services, ports, settings and profile the README and the file's comments promise are checked from
 * the YAML itself, so they hold on machines without a compose CLI; where one exists (Debian's
 * `docker-compose` works without an engine), `config` validates the file as compose reads it.
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

    expect(Object.keys(compose.services).filter((name) => compose.services[name]?.profiles?.includes('cluster'))).toEqual([...clusterNodes, 'api-cluster']);
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

  it('given the default profile, then the app runs on the node by its service name; on the cluster profile, with every gossip seed', () => {
    const seeds = clusterNodes.map((name) => `localhost:${hostPortOf(serviceOf(name))}`).join(',');
    const api = serviceOf('api') as ComposeService & { depends_on?: Record<string, unknown> };
    const apiCluster = serviceOf('api-cluster') as ComposeService & { depends_on?: Record<string, unknown>; network_mode?: string };

    expect(api.profiles).toBeUndefined();
    expect(api.environment).toMatchObject({ CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://eventstoredb:2113?tls=false', HOST: '0.0.0.0' });
    expect(api.ports).toEqual(['3000:3000']);
    expect(Object.keys(api.depends_on ?? {})).toEqual(['eventstoredb']);
    expect(apiCluster.environment).toMatchObject({
      CRM_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: `esdb://${seeds}?tls=false&nodePreference=leader`,
    });
    expect(apiCluster.network_mode).toBe('host');
    expect(Object.keys(apiCluster.depends_on ?? {})).toEqual(clusterNodes);
    expect(text).toContain(`esdb://${seeds}?tls=false&nodePreference=leader`);
  });

  it('given a compose CLI on this machine, then `config` accepts the file with and without the cluster profile', () => {
    const candidates: [string, string[]][] = [
      ['docker', ['compose']],
      ['docker-compose', []],
    ];
    const cli = candidates.find(([command, prefix]) => spawnSync(command, [...prefix, 'version'], { encoding: 'utf8' }).status === 0);
    if (!cli) {
      console.log('[event-store] docker compose config SKIPPED: no `docker compose` or `docker-compose` here; the structure tests above still ran');
      return;
    }
    const [command, prefix] = cli;
    for (const profile of [[], ['--profile', 'cluster']]) {
      const checked = spawnSync(command, [...prefix, '-f', composePath, ...profile, 'config', '-q'], { encoding: 'utf8' });
      expect({ profile, status: checked.status, stderr: checked.stderr }).toEqual({ profile, status: 0, stderr: '' });
    }
  });
});
