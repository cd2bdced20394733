import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { maxAppendBytes } from '../append-input.validation';
import { serverImage as realServerSuiteImage } from './eventstoredb-server-image';

/**
 * The services, ports, settings and profile the README and the file's comments promise are checked from
 * the YAML itself, so they hold on machines without a compose CLI; where one exists (Debian's
 * `docker-compose` works without an engine), `config` validates the file as compose reads it and shows
 * how it resolves the bind address. No container is started by these tests.
 */

interface ComposeService {
  readonly image?: string;
  readonly profiles?: readonly string[];
  readonly user?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly command?: string | readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
  readonly healthcheck?: { readonly test?: readonly string[] };
  readonly networks?: Readonly<Record<string, { readonly ipv4_address?: string }>>;
  readonly depends_on?: Readonly<Record<string, { readonly condition?: string }>>;
  readonly network_mode?: string;
}

interface ComposeFile {
  readonly services: Readonly<Record<string, ComposeService>>;
  readonly networks?: Readonly<Record<string, { readonly ipam?: { readonly config?: readonly { readonly subnet?: string }[] } }>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

const repositoryRoot = join(__dirname, '../../../..');
const composePath = join(repositoryRoot, 'docker-compose.yml');
const text = readFileSync(composePath, 'utf8');
const compose = parse(text, { merge: true }) as ComposeFile;
const clusterNodes = ['eventstoredb-node1', 'eventstoredb-node2', 'eventstoredb-node3'];
const eventStoreNodes = ['eventstoredb', ...clusterNodes];
// The name and tag EventStoreDB 24.10's own documentation gives (installation, Docker; Kurrent's operator docs).
const documentedImage = 'docker.eventstore.com/eventstore/eventstoredb-ee:24.10.4';
const bindAddress = '${CRM_BIND_ADDRESS:-127.0.0.1}';
const adminPassword = '${EVENTSTORE_ADMIN_PASSWORD:-changeit}';

const serviceOf = (name: string): ComposeService => {
  const service = compose.services[name];
  if (!service) throw new Error(`docker-compose.yml has no service "${name}"`);
  return service;
};
/** `<bind address>:<host port>:<container port>` → the host port. */
const hostPortOf = (service: ComposeService): string => {
  const port = service.ports?.[0] ?? '';
  return port.startsWith(`${bindAddress}:`) ? (port.slice(bindAddress.length + 1).split(':')[0] ?? '') : '';
};
const commandOf = (service: ComposeService): string => (typeof service.command === 'string' ? service.command : (service.command ?? []).join(' '));
const volumeNamesOf = (service: ComposeService): string[] => (service.volumes ?? []).map((volume) => volume.split(':')[0] ?? '');

describe('docker-compose.yml', () => {
  it('given any service, when it publishes a port, then it binds to 127.0.0.1 unless CRM_BIND_ADDRESS says otherwise', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) => (service.ports ?? []).map((port) => [name, port] as const));

    expect(published.map(([name]) => name).sort()).toEqual(['api', ...eventStoreNodes].sort());
    for (const [name, port] of published) expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^\$\{CRM_BIND_ADDRESS:-127\.0\.0\.1\}:\d+:\d+$/) });
    // The cluster's app shares the host's network: it binds where HOST says.
    expect(serviceOf('api-cluster').environment?.['HOST']).toBe(bindAddress);
  });

  it('given every EventStoreDB node, then AtomPub over HTTP is off', () => {
    for (const name of eventStoreNodes) expect({ name, atomPub: serviceOf(name).environment?.['EVENTSTORE_ENABLE_ATOM_PUB_OVER_HTTP'] }).toEqual({ name, atomPub: 'false' });
  });

  it('given the default profile, then it starts one insecure node named eventstoredb on port 2113, marked local development only, with a health check', () => {
    const node = serviceOf('eventstoredb');

    expect(node.image).toBe(documentedImage);
    expect(node.profiles).toBeUndefined();
    expect(node.environment).toMatchObject({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_CLUSTER_SIZE: '1' });
    expect(node.labels).toEqual({ 'crm.security': 'insecure: no TLS, no authentication; local development only' });
    expect(node.ports).toEqual([`${bindAddress}:2113:2113`]);
    expect(node.healthcheck?.test?.join(' ')).toContain('/health/live');
    expect(text).toContain('esdb://localhost:2113?tls=false');
  });

  it('given the cluster profile, then a certificates service makes a CA and a certificate per node, the CA key in a volume only it mounts', () => {
    const certificates = serviceOf('eventstoredb-certificates');
    const script = commandOf(certificates);
    const addresses = clusterNodes.map((name) => serviceOf(name).networks?.['eventstoredb-cluster']?.ipv4_address);

    expect(certificates.image).toBe('eventstore/es-gencert-cli:1.0.2');
    expect(certificates.profiles).toEqual(['cluster']);
    expect(script).toContain('es-gencert-cli create-ca -out /ca');
    clusterNodes.forEach((name, index) => {
      expect(script).toContain(
        `es-gencert-cli create-node -ca-certificate /ca/ca.crt -ca-key /ca/ca.key -out /certs/node${index + 1} -ip-addresses 127.0.0.1,${addresses[index]} -dns-names localhost,${name}`,
      );
    });
    expect(script).toContain('cp /ca/ca.crt /certs/ca/ca.crt');
    expect(script).toContain('chmod 600 /certs/*/*.key');
    expect(volumeNamesOf(certificates).sort()).toEqual(['eventstoredb-ca', 'eventstoredb-certs']);
    const othersMountingTheCa = Object.entries(compose.services).filter(([name, service]) => name !== 'eventstoredb-certificates' && volumeNamesOf(service).includes('eventstoredb-ca'));
    expect(othersMountingTheCa).toEqual([]);
  });

  it('given the cluster profile, then three secure nodes use their certificates, trust the CA, seed their gossip with each other and advertise their host ports', () => {
    const nodes = clusterNodes.map(serviceOf);
    const addresses = nodes.map((node) => node.networks?.['eventstoredb-cluster']?.ipv4_address);

    expect(Object.keys(compose.services).filter((name) => compose.services[name]?.profiles?.includes('cluster'))).toEqual([
      'eventstoredb-certificates',
      ...clusterNodes,
      'api-cluster',
    ]);
    nodes.forEach((node, index) => {
      const others = addresses.filter((_, other) => other !== index).map((address) => `${address}:2113`);
      expect(node.image).toBe(documentedImage);
      expect(node.environment).toMatchObject({
        EVENTSTORE_INSECURE: 'false',
        EVENTSTORE_CERTIFICATE_FILE: `/certs/node${index + 1}/node.crt`,
        EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE: `/certs/node${index + 1}/node.key`,
        EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH: '/certs/ca',
        EVENTSTORE_DEFAULT_ADMIN_PASSWORD: adminPassword,
        EVENTSTORE_CLUSTER_SIZE: '3',
        EVENTSTORE_DISCOVER_VIA_DNS: 'false',
        EVENTSTORE_REPLICATION_IP: addresses[index],
        EVENTSTORE_GOSSIP_SEED: others.join(','),
        EVENTSTORE_ADVERTISE_HOST_TO_CLIENT_AS: '127.0.0.1',
        EVENTSTORE_ADVERTISE_NODE_PORT_TO_CLIENT_AS: hostPortOf(node),
      });
      expect(node.volumes).toEqual(['eventstoredb-certs:/certs:ro', `eventstoredb-node${index + 1}-data:/var/lib/eventstore`]);
      expect(node.depends_on).toEqual({ 'eventstoredb-certificates': { condition: 'service_completed_successfully' } });
      expect(node.healthcheck?.test?.join(' ')).toContain('--cacert /certs/ca/ca.crt https://localhost:2113/health/live');
      expect(node.ports).toEqual([`${bindAddress}:${hostPortOf(node)}:2113`]);
    });
    expect(new Set(nodes.map(hostPortOf)).size).toBe(3);
    expect(addresses.every((address) => address?.startsWith('172.30.240.'))).toBe(true);
    expect(compose.networks?.['eventstoredb-cluster']?.ipam?.config?.[0]?.subnet).toBe('172.30.240.0/24');
  });

  it('given the default profile, then the app runs on the node by its service name; on the cluster profile, over TLS trusting the CA, with every gossip seed', () => {
    const seeds = clusterNodes.map((name) => `localhost:${hostPortOf(serviceOf(name))}`).join(',');
    const clusterConnection = `esdb://admin:${adminPassword}@${seeds}?tls=true&tlsCAFile=/certs/ca/ca.crt&nodePreference=leader`;
    const api = serviceOf('api');
    const apiCluster = serviceOf('api-cluster');

    expect(api.profiles).toBeUndefined();
    expect(api.environment).toMatchObject({ CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://eventstoredb:2113?tls=false', HOST: '0.0.0.0' });
    expect(api.ports).toEqual([`${bindAddress}:3000:3000`]);
    expect(Object.keys(api.depends_on ?? {})).toEqual(['eventstoredb']);
    expect(apiCluster.environment).toMatchObject({ CRM_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: clusterConnection });
    expect(apiCluster.volumes).toContain('eventstoredb-certs:/certs:ro');
    expect(apiCluster.network_mode).toBe('host');
    expect(Object.keys(apiCluster.depends_on ?? {})).toEqual(clusterNodes);
    expect(text).toContain(`esdb://admin:<password>@${seeds}?tls=true&tlsCAFile=<the CA file>&nodePreference=leader`);
  });

  it('given every EventStoreDB node, then it runs the image the 24.10 documentation names, with that version\'s settings, the app\'s append limit and no telemetry', () => {
    for (const name of eventStoreNodes) {
      const node = serviceOf(name);
      expect({ name, image: node.image }).toEqual({ name, image: documentedImage });
      expect({ name, settings: node.environment }).toEqual({
        name,
        settings: expect.objectContaining({ EVENTSTORE_MAX_APPEND_SIZE: String(maxAppendBytes), EVENTSTORE_TELEMETRY_OPTOUT: 'true', EVENTSTORE_NODE_PORT: '2113' }),
      });
      // Renamed in 23.10 (IntIp, HttpPort, ExtIp...): a 24.10 node warns about the old names, KurrentDB refuses them.
      const renamed = Object.keys(node.environment ?? {}).filter((key) => /_(INT_IP|EXT_IP|HTTP_PORT|INT_TCP_PORT|EXT_TCP_PORT|ADVERTISE_HTTP_PORT_TO_CLIENT_AS)$/.test(key));
      expect({ name, renamed }).toEqual({ name, renamed: [] });
    }
    expect(realServerSuiteImage).toBe(documentedImage);
  });

  it('given each app, then its read models and checkpoints persist exactly when the events they were built from do', () => {
    const persistsEvents = (node: ComposeService): boolean =>
      node.environment?.['EVENTSTORE_MEM_DB'] !== 'true' && (node.volumes ?? []).some((volume) => volume.endsWith(':/var/lib/eventstore'));
    const persistsReadModels = (app: ComposeService): boolean => (app.volumes ?? []).some((volume) => volume.endsWith(':/data'));
    const apps: [string, string[]][] = [
      ['api', ['eventstoredb']],
      ['api-cluster', clusterNodes],
    ];

    for (const [app, nodes] of apps) {
      const events = nodes.map((name) => persistsEvents(serviceOf(name)));
      expect({ app, events, readModels: persistsReadModels(serviceOf(app)) }).toEqual({ app, events: nodes.map(() => true), readModels: true });
    }
    const dataVolumes = clusterNodes.map((name) => volumeNamesOf(serviceOf(name)).find((volume) => volume.endsWith('-data')));
    expect(new Set(dataVolumes).size).toBe(3);
    for (const volume of dataVolumes) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  describe('deploy/compose-env.sh', () => {
    const run = (directory: string): ReturnType<typeof spawnSync> => spawnSync('sh', [join(repositoryRoot, 'deploy/compose-env.sh'), directory], { encoding: 'utf8' });
    const inTempDirectory = (test: (directory: string) => void): void => {
      const directory = mkdtempSync(join(tmpdir(), 'crm-compose-env-'));
      try {
        test(directory);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    };

    it('given no .env, when run, then it writes a random admin password into a new .env readable by its owner only', () => {
      inTempDirectory((directory) => {
        expect(run(directory).status).toBe(0);
        const first = readFileSync(join(directory, '.env'), 'utf8');
        inTempDirectory((other) => {
          run(other);
          expect(readFileSync(join(other, '.env'), 'utf8')).not.toBe(first);
        });

        expect(first).toMatch(/^EVENTSTORE_ADMIN_PASSWORD=[0-9a-f]{48}\n$/);
        expect((statSync(join(directory, '.env')).mode & 0o777).toString(8)).toBe('600');
      });
    });

    it('given a .env that already sets the password, when run again, then it keeps it', () => {
      inTempDirectory((directory) => {
        writeFileSync(join(directory, '.env'), 'CRM_BIND_ADDRESS=127.0.0.1\nEVENTSTORE_ADMIN_PASSWORD=chosen-by-me\n');

        const again = run(directory);

        expect(again.status).toBe(0);
        expect(readFileSync(join(directory, '.env'), 'utf8')).toBe('CRM_BIND_ADDRESS=127.0.0.1\nEVENTSTORE_ADMIN_PASSWORD=chosen-by-me\n');
      });
    });

    it('given a .env with other settings, when run, then it adds the password and makes the file owner-only', () => {
      inTempDirectory((directory) => {
        writeFileSync(join(directory, '.env'), 'CRM_BIND_ADDRESS=127.0.0.1\n', { mode: 0o644 });

        run(directory);

        expect(readFileSync(join(directory, '.env'), 'utf8')).toMatch(/^CRM_BIND_ADDRESS=127\.0\.0\.1\nEVENTSTORE_ADMIN_PASSWORD=[0-9a-f]{48}\n$/);
        expect((statSync(join(directory, '.env')).mode & 0o777).toString(8)).toBe('600');
      });
    });
  });

  describe('as a compose CLI reads it', () => {
    const candidates: [string, string[]][] = [
      ['docker', ['compose']],
      ['docker-compose', []],
    ];
    const cli = candidates.find(([command, prefix]) => spawnSync(command, [...prefix, 'version'], { encoding: 'utf8' }).status === 0);
    if (!cli) console.log('[event-store] docker compose config SKIPPED: no `docker compose` or `docker-compose` here; the structure tests above still ran');
    const withCli = cli ? it : it.skip;
    const [command, prefix] = cli ?? ['', []];
    let emptyEnvDirectory = '';
    beforeAll(() => {
      emptyEnvDirectory = mkdtempSync(join(tmpdir(), 'crm-compose-config-'));
      writeFileSync(join(emptyEnvDirectory, 'empty.env'), '');
    });
    afterAll(() => rmSync(emptyEnvDirectory, { recursive: true, force: true }));
    const config = (profile: string[], env: Record<string, string> = {}): ReturnType<typeof spawnSync> =>
      // An empty env file: settings in the developer's own .env must not change what is checked.
      spawnSync(command, [...prefix, '-f', composePath, '--env-file', join(emptyEnvDirectory, 'empty.env'), ...profile, 'config'], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      });
    /** Compose 1.x prints a published port as `ip:host:container/tcp`, compose 2 as `{ host_ip, published, target }`. */
    const addressOf = (port: string | { host_ip?: string }): string => {
      const address = typeof port === 'string' ? (port.split(':').length === 3 ? port.split(':')[0] : undefined) : port.host_ip;
      return address ?? 'every interface';
    };
    const publishedAddresses = (output: string): string[] => {
      const resolved = parse(output) as { services: Record<string, { ports?: (string | { host_ip?: string })[] }> };
      return Object.values(resolved.services).flatMap((service) => (service.ports ?? []).map(addressOf));
    };

    withCli('given a compose CLI, then `config` accepts the file with and without the cluster profile', () => {
      for (const profile of [[], ['--profile', 'cluster']]) {
        const checked = config(profile);
        expect({ profile, status: checked.status, stderr: checked.stderr }).toEqual({ profile, status: 0, stderr: '' });
      }
    });

    withCli('given no CRM_BIND_ADDRESS, then every published port is on 127.0.0.1; given one, then on that address', () => {
      const local = config(['--profile', 'cluster']);
      const everywhere = config(['--profile', 'cluster'], { CRM_BIND_ADDRESS: '0.0.0.0' });

      expect(publishedAddresses(String(local.stdout))).toEqual(Array(5).fill('127.0.0.1'));
      expect(publishedAddresses(String(everywhere.stdout))).toEqual(Array(5).fill('0.0.0.0'));
    });
  });
});
