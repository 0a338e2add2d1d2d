import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPHS, subgraphUrlVariable } from '@jol/schema';
import { REPO_ROOT } from '@jol/tools';

/**
 * Keeps docker-compose.yml and the Dockerfile it builds from in step with the code: ports,
 * databases, entry points and every environment variable the containers are given. Nothing is
 * built or started here; a Docker engine is not needed.
 */

/**
 * The Node.js line the images run: an LTS line still supported (Node 20 reached its end of life
 * on 2026-04-30). The code itself supports the engines range (machines and CI on Node 20.19+).
 */
const IMAGE_NODE_LINE = 22;

/** gateway/src/main.ts listens on 4000 unless PORT says otherwise. */
const GATEWAY_PORT = 4000;

interface ComposeService {
  image?: string;
  command?: string[];
  profiles?: string[];
  build?: {
    context: string;
    dockerfile?: string;
    target?: string;
    args?: Record<string, string>;
  };
  environment?: Record<string, string> | string[];
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test: string[] };
  secrets?: string[];
  read_only?: boolean;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { environment?: string; file?: string }>;
}

interface NodeService {
  name: string;
  /** The workspace folder the image is built from. */
  dir: string;
  port: number;
}

const compose: ComposeFile = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
  // The jobs share their settings through anchors; the file is the repository's own.
  maxAliasCount: 1000,
});

const NODE_SERVICES: NodeService[] = [
  ...SUBGRAPHS.map(({ name, port }) => ({ name, dir: `services/${name}`, port })),
  { name: 'gateway', dir: 'gateway', port: GATEWAY_PORT },
];

/** The production jobs every deployment runs: each is one command of the `jobs` profile. */
const JOBS = ['stats-refresh', 'audit-verify', 'audit-checkpoint'];
const AGENCIES: string[] = SUBGRAPHS.map(({ name }) => name);

/** The services of the `jobs` profile, with the job script each runs (`jobs/dist/<main>.js`). */
const JOB_SERVICES = Object.entries(compose.services)
  .filter(([, service]) => service.profiles?.includes('jobs'))
  .map(([name, service]) => {
    const script = service.command?.find((arg) => arg.endsWith('.js')) ?? '';
    return [name, /^jobs\/dist\/(.+)\.js$/.exec(script)?.[1] ?? script] as const;
  });

describe('docker-compose.yml', () => {
  it('runs MongoDB as a replica set that initiates itself, on a named volume', () => {
    const mongo = compose.services.mongo;
    expect(mongo.image).toMatch(/^mongo:/);
    expect(mongo.command).toContain('--replSet');
    expect(mongo.command).toContain('--bind_ip_all');
    const check = mongo.healthcheck!.test.join(' ');
    expect(check).toContain('mongosh');
    expect(check).toContain('rs.initiate');
    expect(check).toContain('rs.status()');

    const dataVolume = (mongo.volumes ?? []).find((volume) => volume.endsWith(':/data/db'));
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume!.split(':')[0]);
  });

  it('publishes only the gateway port to the host, and profile tools on 127.0.0.1 alone', () => {
    const publishing = Object.entries(compose.services)
      .filter(([, service]) => !service.profiles && (service.ports ?? []).length > 0)
      .map(([name, service]) => ({ name, ports: service.ports }));
    expect(publishing).toEqual([{ name: 'gateway', ports: [`${GATEWAY_PORT}:${GATEWAY_PORT}`] }]);
    const tools = Object.values(compose.services).filter((service) => service.profiles);
    for (const port of tools.flatMap((service) => service.ports ?? []))
      expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  describe.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
    'subgraph %s',
    (name, { port }) => {
      const service = compose.services[name];
      const env = () => environmentOf(service);

      it(`listens on its registered port ${port} and is checked there`, () => {
        expect(env().PORT).toBe(String(port));
        expect(service.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/readyz`);
      });

      it(`owns the database jol_${name} on the replica set`, () => {
        expect(env().MONGODB_DB).toBe(`jol_${name}`);
        const uri = new URL(env().MONGODB_URI);
        expect(uri.hostname).toBe('mongo');
        expect(uri.searchParams.get('replicaSet')).toBeTruthy();
        expect(service.depends_on?.mongo?.condition).toBe('service_healthy');
      });
    },
  );

  describe('gateway', () => {
    const service = compose.services.gateway;

    it(`listens on ${GATEWAY_PORT} and is checked there`, () => {
      expect(environmentOf(service).PORT).toBe(String(GATEWAY_PORT));
      expect(service.healthcheck!.test.join(' ')).toContain(
        `http://127.0.0.1:${GATEWAY_PORT}/readyz`,
      );
    });

    it('reaches every subgraph by its service name and registered port, once it is healthy', () => {
      const env = environmentOf(service);
      for (const { name, port } of SUBGRAPHS) {
        expect({ [subgraphUrlVariable(name)]: env[subgraphUrlVariable(name)] }).toEqual({
          [subgraphUrlVariable(name)]: `http://${name}:${port}/graphql`,
        });
        expect(service.depends_on?.[name]?.condition).toBe('service_healthy');
      }
    });
  });

  describe('observability profile', () => {
    const PROFILE = 'observability';
    const tools = Object.entries(compose.services).filter(
      ([, service]) => service.profiles?.includes(PROFILE) ?? false,
    );
    const nodeEnv = (name: string) => environmentOf(compose.services[name]);
    /** A configuration file mounted into a profile service at `target`, parsed. */
    const mounted = <T>(service: ComposeService, target: string): T => {
      const volume = (service.volumes ?? []).find((v) => v.split(':')[1] === target);
      expect(volume).toBeDefined();
      return parse(readFileSync(join(REPO_ROOT, volume!.split(':')[0]), 'utf8')) as T;
    };

    it('holds the collector, Jaeger and Prometheus, which no Jol process needs to start', () => {
      expect(tools.map(([name, service]) => [name, service.profiles])).toEqual([
        ['otel-collector', [PROFILE]],
        ['jaeger', [PROFILE]],
        ['prometheus', [PROFILE]],
      ]);
      for (const [name, service] of Object.entries(compose.services))
        if (!service.profiles)
          for (const [tool] of tools)
            expect({ [name]: Object.keys(service.depends_on ?? {}) }).not.toEqual({
              [name]: expect.arrayContaining([tool]),
            });
    });

    it('has every process send spans to the collector, with tracing off unless asked', () => {
      interface CollectorConfig {
        receivers: { otlp: { protocols: { http?: { endpoint: string } } } };
        processors?: Record<string, unknown>;
        exporters: Record<string, { endpoint?: string }>;
        service: {
          pipelines: Record<
            string,
            { receivers: string[]; processors?: string[]; exporters: string[] }
          >;
        };
      }
      const collector = compose.services['otel-collector'];
      const config = mounted<CollectorConfig>(collector, '/etc/otelcol/config.yaml');
      expect(collector.command).toEqual(['--config=/etc/otelcol/config.yaml']);
      const receiverPort = config.receivers.otlp.protocols.http!.endpoint.split(':').at(-1);
      for (const { name } of NODE_SERVICES) {
        const env = nodeEnv(name);
        const endpoint = new URL(env.OTEL_EXPORTER_OTLP_ENDPOINT);
        expect([endpoint.hostname, endpoint.port]).toEqual(['otel-collector', receiverPort]);
        expect(env.OTEL_TRACES_EXPORTER).toBe('${OTEL_TRACES_EXPORTER:-none}');
        expect(env.OTEL_SERVICE_NAME).toBeUndefined();
      }
      const traces = config.service.pipelines.traces;
      expect(traces.receivers).toEqual(['otlp']);
      for (const processor of traces.processors ?? [])
        expect(Object.keys(config.processors ?? {})).toContain(processor);
      for (const exporter of traces.exporters) {
        const target = config.exporters[exporter]?.endpoint;
        expect(target).toBe('jaeger:4317');
      }
    });

    it('scrapes /metrics of every process at its port, with the METRICS_TOKEN bearer', () => {
      interface PrometheusConfig {
        scrape_configs: {
          job_name: string;
          metrics_path?: string;
          authorization?: { type?: string; credentials_file?: string };
          static_configs: { targets: string[] }[];
        }[];
      }
      const prometheus = compose.services.prometheus;
      const config = mounted<PrometheusConfig>(prometheus, '/etc/prometheus/prometheus.yml');
      expect(config.scrape_configs).toHaveLength(1);
      const [job] = config.scrape_configs;
      expect(job.metrics_path ?? '/metrics').toBe('/metrics');
      const targets = job.static_configs.flatMap((group) => group.targets).sort();
      expect(targets).toEqual(NODE_SERVICES.map(({ name, port }) => `${name}:${port}`).sort());

      expect(job.authorization?.type ?? 'Bearer').toBe('Bearer');
      const secret = /^\/run\/secrets\/(.+)$/.exec(job.authorization?.credentials_file ?? '')?.[1];
      expect(prometheus.secrets).toContain(secret);
      expect(compose.secrets?.[secret!]).toEqual({ environment: 'METRICS_TOKEN' });
      for (const { name } of NODE_SERVICES)
        expect(nodeEnv(name).METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
      expect(sourcesOf(['schema', 'kernel', 'statistics', 'gateway'])).toMatch(
        /app\.get\('\/metrics'/,
      );
    });
  });

  describe.each(NODE_SERVICES.map((node) => [node.name, node] as const))(
    'image of %s',
    (name, node) => {
      const service = compose.services[name];

      it('is built from an existing context and Dockerfile', () => {
        const context = join(REPO_ROOT, service.build!.context);
        expect(statSync(context).isDirectory()).toBe(true);
        expect(existsSync(join(context, service.build!.dockerfile ?? 'Dockerfile'))).toBe(true);
      });

      it('is multi-stage and runs as a user other than root', () => {
        const stages = dockerfileOf(service);
        expect(stages.length).toBeGreaterThanOrEqual(2);
        const user = lastArgument(runtimeOf(service), 'USER');
        expect(user).toBeDefined();
        expect(['root', '0', '0:0']).not.toContain(user);
      });

      it(`builds and runs on Node ${IMAGE_NODE_LINE} LTS slim, which the engines range admits`, () => {
        // Stages built on an earlier stage (`FROM deps AS builder`) inherit its image.
        const stages = dockerfileOf(service);
        const names = new Set(stages.map((stage) => stage.name));
        const bases = stages.map((stage) => stage.base).filter((base) => !names.has(base));
        expect(new Set(bases)).toEqual(new Set([`node:${IMAGE_NODE_LINE}-bookworm-slim`]));
        const engines = (
          JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
            engines: { node: string };
          }
        ).engines.node;
        const minimum = Number(/^>=(\d+)\./.exec(engines)?.[1]);
        expect(IMAGE_NODE_LINE).toBeGreaterThanOrEqual(minimum);
      });

      it('declares every build arg compose passes', () => {
        const declared = dockerfileOf(service).flatMap((stage) =>
          stage.instructions.filter((i) => i.keyword === 'ARG').map((i) => i.args.split('=')[0]),
        );
        for (const arg of Object.keys(service.build!.args ?? {})) expect(declared).toContain(arg);
      });

      it(`starts ${node.dir}/dist/main.js, compiled from an existing src/main.ts`, () => {
        const runtime = runtimeOf(service);
        const command: string[] = JSON.parse(lastArgument(runtime, 'CMD')!);
        const script = command.find((arg) => arg.endsWith('.js'));
        expect(script).toBeDefined();
        const entry = posix.resolve(lastArgument(runtime, 'WORKDIR') ?? '/', script!);
        expect(entry).toMatch(new RegExp(`/${escapeRegExp(node.dir)}/dist/main\\.js$`));
        expect(existsSync(join(REPO_ROOT, node.dir, 'src', 'main.ts'))).toBe(true);
      });

      it(`exposes port ${node.port}`, () => {
        expect(lastArgument(runtimeOf(service), 'EXPOSE')).toBe(String(node.port));
      });

      it('copies into the runtime stage only files the repository has or the build produces', () => {
        expect(uncopiedSources(service)).toEqual([]);
      });

      it('leaves behind no modules the lockfile nests inside the workspaces it runs', () => {
        const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
        const copied = runtimeOf(service)
          .instructions.filter((i) => i.keyword === 'COPY')
          .map((i) => i.args);
        const nested = Object.keys(lock.packages as Record<string, unknown>).filter((key) =>
          ['schema', 'kernel', 'statistics', node.dir].some((dir) =>
            key.startsWith(`${dir}/node_modules/`),
          ),
        );
        const uncopied = nested.filter((key) => {
          const folder = `${key.split('/node_modules/')[0]}/node_modules`;
          return !copied.some((args) => args.includes(folder));
        });
        expect(uncopied).toEqual([]);
      });

      it('sets only environment variables the code reads', () => {
        const code = sourcesOf(['schema', 'kernel', 'statistics', node.dir]);
        const unread = Object.keys(environmentOf(service)).filter(
          (variable) => !isRead(variable, code),
        );
        expect(unread).toEqual([]);
      });
    },
  );

  it('runs the production jobs, each on demand, with what it needs', () => {
    expect(JOB_SERVICES.map(([name]) => name)).toEqual(expect.arrayContaining(JOBS));
  });

  it("runs each agency's jobs: every job that opens a database names one agency and its database", () => {
    const reached: Record<string, string[]> = {};
    for (const [name, service] of JOB_SERVICES.map(([n]) => [n, compose.services[n]!] as const)) {
      const env = environmentOf(service);
      if (!env.MONGODB_URI) continue;
      const command = service.command!;
      const agency = command[command.indexOf('--agency') + 1]!;
      expect({ name, agency: AGENCIES.includes(agency), db: env.MONGODB_DB }).toEqual({
        name,
        agency: true,
        db: `jol_${agency}`,
      });
      const script = command.find((arg) => arg.endsWith('.js'))!;
      (reached[script] ??= []).push(agency);
    }
    // Every job runs for every agency.
    for (const agencies of Object.values(reached))
      expect(agencies.sort()).toEqual([...AGENCIES].sort());
    expect(Object.keys(reached)).toHaveLength(JOBS.length);
  });

  describe.each(JOB_SERVICES)('job %s', (name, main) => {
    const service = compose.services[name]!;

    it('runs only when asked for, from the jobs target, read-only, as a user other than root', () => {
      expect(service.profiles).toEqual(['jobs']);
      expect(service.build?.target).toBe('jobs');
      expect(service.read_only).toBe(true);
      const stage = runtimeOf(service);
      expect(stage.name).toBe('jobs');
      expect(['root', '0', '0:0', undefined]).not.toContain(lastArgument(stage, 'USER'));
    });

    it(`runs jobs/dist/${main}.js, compiled from an existing jobs/src/${main}.ts`, () => {
      const workdir = lastArgument(runtimeOf(service), 'WORKDIR') ?? '/';
      const script = service.command!.find((arg) => arg.endsWith('.js'))!;
      expect(posix.resolve(workdir, script)).toBe(posix.join(workdir, `jobs/dist/${main}.js`));
      expect(existsSync(join(REPO_ROOT, 'jobs', 'src', `${main}.ts`))).toBe(true);
    });

    it('copies into its stage only files the repository has or the build produces', () => {
      expect(uncopiedSources(service)).toEqual([]);
    });

    it('is given secrets compose defines, and only environment variables the code reads', () => {
      for (const secret of service.secrets ?? []) expect(compose.secrets?.[secret]).toBeDefined();
      const code = sourcesOf(['schema', 'kernel', 'statistics', 'jobs']);
      const unread = Object.keys(environmentOf(service)).filter((v) => !isRead(v, code));
      expect(unread).toEqual([]);
    });

    it('waits for the store to be healthy when it opens a database', () => {
      if (!environmentOf(service).MONGODB_URI) return;
      expect(service.depends_on?.mongo?.condition).toBe('service_healthy');
    });
  });
});

/** The stage a service's image is: its build target, else the Dockerfile's last stage. */
function runtimeOf(service: ComposeService): Stage {
  const stages = dockerfileOf(service);
  const target = service.build?.target;
  return target ? stages.find((stage) => stage.name === target)! : stages.at(-1)!;
}

/** Sources the image's stage copies from another stage that neither the repository nor a build has. */
function uncopiedSources(service: ComposeService): string[] {
  const stages = dockerfileOf(service);
  const missing: string[] = [];
  for (const copy of runtimeOf(service).instructions.filter((i) => i.keyword === 'COPY')) {
    const from = /--from=(\S+)/.exec(copy.args)?.[1];
    const source = stages.find((stage) => stage.name === from);
    if (!source) continue;
    const workdir = workdirOf(stages, source);
    const paths = copy.args.split(/\s+/).filter((part) => !part.startsWith('--'));
    for (const path of paths.slice(0, -1)) {
      const inRepo = posix.relative(workdir, posix.resolve(workdir, path));
      const built = inRepo.split('/').some((part) => part === 'dist' || part === 'node_modules');
      if (!built && !existsSync(join(REPO_ROOT, inRepo))) missing.push(inRepo);
    }
  }
  return missing;
}

/** The environment of a compose service, whichever of the two forms compose allows it is written in. */
function environmentOf(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return environment;
  return Object.fromEntries(
    environment.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]),
  );
}

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name?: string;
  /** The stage this one is built on, when it is another stage of the file. */
  base?: string;
  instructions: Instruction[];
}

/** A stage's working directory: its own last WORKDIR, else that of the stage it is built on. */
function workdirOf(stages: Stage[], stage: Stage): string {
  const own = lastArgument(stage, 'WORKDIR');
  if (own) return own;
  const base = stages.find((candidate) => candidate.name === stage.base);
  return base ? workdirOf(stages, base) : '/';
}

/**
 * The stages of the service's Dockerfile, with the build args compose passes (else the ARG
 * defaults) substituted, so an instruction reads as it does in that service's image.
 */
function dockerfileOf(service: ComposeService): Stage[] {
  const context = join(REPO_ROOT, service.build!.context);
  const text = readFileSync(join(context, service.build!.dockerfile ?? 'Dockerfile'), 'utf8');
  const lines = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  const buildArgs = service.build!.args ?? {};
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  let stageArgs = globalArgs;
  for (const line of lines) {
    const [word, ...rest] = line.split(/\s+/);
    const keyword = word.toUpperCase();
    const scope = keyword === 'FROM' ? globalArgs : stageArgs;
    const args = rest.join(' ').replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => scope[a ?? b] ?? '');
    if (keyword === 'FROM') {
      stages.push({
        name: /\bAS\s+(\S+)/i.exec(args)?.[1],
        base: args.split(/\s+/)[0],
        instructions: [],
      });
      stageArgs = {};
    } else if (keyword === 'ARG') {
      const [name, fallback] = args.split('=');
      stageArgs[name] = buildArgs[name] ?? fallback ?? globalArgs[name] ?? '';
    }
    stages.at(-1)?.instructions.push({ keyword, args });
  }
  return stages;
}

function lastArgument(stage: Stage, keyword: string): string | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;
}

/** The production sources of the given workspaces, tests left out, as one text. */
function sourcesOf(dirs: string[]): string {
  const read = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return read(path);
      if (!entry.name.endsWith('.ts') || /\.(test|spec)\.ts$/.test(entry.name)) return [];
      return [readFileSync(path, 'utf8')];
    });
  return dirs.flatMap((dir) => read(join(REPO_ROOT, dir, 'src'))).join('\n');
}

/**
 * Whether the code reads an environment variable: `process.env.NAME`, `env.NAME`, the name as a
 * string literal, a key of a settings schema (`NAME: z...`, parsed from the environment), or a
 * template literal that builds it from its prefix (`SUBGRAPH_URL_${name}`).
 */
function isRead(variable: string, code: string): boolean {
  const name = escapeRegExp(variable);
  if (new RegExp(`\\benv\\.${name}\\b|(['"\`])${name}\\1`).test(code)) return true;
  if (new RegExp(`^\\s*${name}: (optional\\(|z\\.)`, 'm').test(code)) return true;
  const prefixes = [...code.matchAll(/`([A-Z][A-Z0-9_]*)\$\{/g)].map((match) => match[1]);
  return prefixes.some((prefix) => variable.startsWith(prefix) && variable.length > prefix.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
