import { SUBGRAPHS, subgraphUrlVariable } from '@jol/schema';
import {
  availabilityProblems,
  CHART_DIR,
  COMPONENT,
  egressRulesOf,
  helm,
  mayConnect,
  ofKind,
  podProblems,
  podsOf,
  renderChart,
  renderError,
  type Container,
  type Manifest,
} from './helm-chart';

/**
 * The Helm chart under deploy/helm/jol, linted and rendered by the pinned Helm, and its manifests
 * judged: hardened pods, probes, replicas, disruption budgets, the autoscaler, network policies
 * that let only the gateway reach the subgraphs and each subgraph reach only its own database,
 * secrets only by reference, and the jobs. Each judgement is also shown to catch a planted fault.
 */

const GATEWAY_PORT = 4000;
/** The services that ask the gateway who a person is (JOL_GATEWAY_URL). */
const ASKS_GATEWAY = ['labour', 'health', 'pensions', 'consular'];
const JOBS = {
  'stats-refresh': ['node', 'jobs/dist/stats-refresh-main.js'],
  'audit-verify': ['node', 'jobs/dist/audit-verify-main.js'],
  'audit-checkpoint': ['node', 'jobs/dist/audit-checkpoint-main.js'],
};

const clone = <T>(value: T): T => structuredClone(value);

function envOf(container: Container): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? []).map((v) => [
      v.name,
      v.valueFrom?.secretKeyRef
        ? `secret:${v.valueFrom.secretKeyRef.name}/${v.valueFrom.secretKeyRef.key}`
        : (v.value ?? ''),
    ]),
  );
}

describe('the Helm chart (deploy/helm/jol)', () => {
  let manifests: Manifest[];
  const deployment = (component: string) =>
    ofKind(manifests, 'Deployment').find((d) => d.metadata.labels?.[COMPONENT] === component)!;
  const container = (component: string) =>
    deployment(component).spec.template.spec.containers[0] as Container;
  const labelsOf = (component: string) =>
    deployment(component).spec.template.metadata.labels as Record<string, string>;
  const policies = () => ofKind(manifests, 'NetworkPolicy');

  beforeAll(() => {
    manifests = renderChart();
  });

  it('lints clean under --strict', () => {
    const result = helm(['lint', '--strict', CHART_DIR]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('renders the gateway and the four subgraphs, each with a Service', () => {
    const components = ofKind(manifests, 'Deployment').map((d) => d.metadata.labels?.[COMPONENT]);
    expect(components.sort()).toEqual(['gateway', ...SUBGRAPHS.map((s) => s.name)].sort());
    for (const component of components) {
      const service = ofKind(manifests, 'Service').find(
        (s) => s.spec.selector[COMPONENT] === component,
      );
      expect(service).toBeDefined();
    }
  });

  describe('hardened pods', () => {
    it('runs every container non-root, read-only, unprivileged, under RuntimeDefault', () => {
      expect(podsOf(manifests).length).toBeGreaterThanOrEqual(5 + 3 * SUBGRAPHS.length);
      expect(podProblems(manifests)).toEqual([]);
    });

    it('names a container planted with a writable root, root user or extra capability', () => {
      const planted = clone(manifests);
      const pod = podsOf(planted).find((p) => p.labels[COMPONENT] === 'labour')!.pod;
      pod.containers[0]!.securityContext!.readOnlyRootFilesystem = false;
      pod.containers[0]!.securityContext!.capabilities = { drop: ['ALL'], add: ['NET_ADMIN'] };
      pod.containers[0]!.securityContext!.runAsUser = 0;
      expect(podProblems(planted)).toEqual([
        'Deployment/jol-labour container labour: runs as user 0',
        'Deployment/jol-labour container labour: root filesystem is writable',
        'Deployment/jol-labour container labour: adds capabilities',
      ]);
    });

    it('refuses values that would run as root or that it does not know', () => {
      expect(renderError(['podSecurity.runAsUser=0'])).toContain(
        "at '/podSecurity/runAsUser': minimum: got 0, want 1",
      );
      expect(renderError(['ingres.host=jol.example.kg'])).toContain(
        "additional properties 'ingres' not allowed",
      );
    });
  });

  describe('secrets', () => {
    it('takes every secret from a Secret, never from values, and writes no Secret itself', () => {
      expect(ofKind(manifests, 'Secret')).toEqual([]);
      for (const component of SUBGRAPHS.map((s) => s.name)) {
        const env = envOf(container(component));
        expect(env.MONGODB_URI).toBe(`secret:jol-mongodb-${component}/uri`);
        expect(env.JOL_SIGNING_KEYS_FILE).toBe('/run/secrets/jol/signing/keys');
        expect(env.JWKS_PATH).toBe('/run/secrets/jol/jwks/jwks.json');
      }
    });

    it('refuses to render a secret-looking value written in values', () => {
      expect(renderError(['gateway.env.METRICS_TOKEN=abcdefghijklmnopqrstuvwxyz'])).toContain(
        'gateway.env.METRICS_TOKEN looks like a secret',
      );
      expect(
        renderError(['subgraphs.labour.env.MONGODB_URI=mongodb://jol_labour:pw@db/jol_labour']),
      ).toContain('subgraphs.labour.env.MONGODB_URI looks like a secret');
      expect(renderError(['jobs.cronJobs.stats-refresh.env.JOL_STATS_SECRET=x'])).toContain(
        'looks like a secret',
      );
    });

    it('names a secret planted as a plain environment value', () => {
      const planted = clone(manifests);
      const env = podsOf(planted).find((p) => p.labels[COMPONENT] === 'health')!.pod.containers[0]!
        .env!;
      env.find((v) => v.name === 'MONGODB_URI')!.valueFrom = undefined;
      env.find((v) => v.name === 'MONGODB_URI')!.value = 'mongodb://jol_health:pw@db/jol_health';
      env.push({ name: 'JOL_SIGNING_KEYS_FILE', value: '/etc/keys' });
      expect(podProblems(planted)).toEqual([
        'Deployment/jol-health container health: MONGODB_URI is a plain value, not a Secret reference',
        'Deployment/jol-health container health: JOL_SIGNING_KEYS_FILE is a plain value, not a Secret reference',
      ]);
    });
  });

  describe('settings every process needs', () => {
    it.each(SUBGRAPHS.map((s) => [s.name, s.port] as const))(
      '%s listens on %i, on its own database, with its own connection string',
      (name, port) => {
        const c = container(name);
        const env = envOf(c);
        expect(c.ports).toEqual([{ name: 'http', containerPort: port }]);
        expect(env.PORT).toBe(String(port));
        expect(env.HOST).toBe('0.0.0.0');
        expect(env.MONGODB_DB).toBe(`jol_${name}`);
        expect(env.JWT_ISSUER).toBe('jol');
        expect(env.JWT_AUDIENCE).toBe('jol');
        if (ASKS_GATEWAY.includes(name))
          expect(env.JOL_GATEWAY_URL).toBe(`http://jol-gateway:${GATEWAY_PORT}`);
        else expect(env.JOL_GATEWAY_URL).toBeUndefined();
      },
    );

    it('points the gateway at every subgraph through its Service', () => {
      const env = envOf(container('gateway'));
      expect(env.PORT).toBe(String(GATEWAY_PORT));
      for (const { name, port } of SUBGRAPHS) {
        const service = ofKind(manifests, 'Service').find(
          (s) => s.metadata.name === `jol-${name}`,
        )!;
        expect(service.spec.ports[0].port).toBe(port);
        expect(env[subgraphUrlVariable(name)]).toBe(`http://jol-${name}:${port}/graphql`);
      }
      const gatewayService = ofKind(manifests, 'Service').find(
        (s) => s.metadata.name === 'jol-gateway',
      )!;
      expect(gatewayService.spec.ports[0].port).toBe(GATEWAY_PORT);
    });
  });

  describe('availability', () => {
    it('probes every Deployment, runs two replicas or more, and budgets disruptions', () => {
      expect(availabilityProblems(manifests)).toEqual([]);
      const hpa = ofKind(manifests, 'HorizontalPodAutoscaler');
      expect(hpa.map((h) => h.spec.scaleTargetRef.name)).toEqual(['jol-gateway']);
      expect(hpa[0]!.spec.minReplicas).toBeGreaterThanOrEqual(2);
    });

    it('names a single replica, a missing budget or a missing probe', () => {
      expect(
        availabilityProblems(
          renderChart(['gateway.autoscaling.enabled=false', 'gateway.replicas=1']),
        ),
      ).toEqual(['Deployment/jol-gateway: 1 replica(s), fewer than 2']);
      expect(availabilityProblems(renderChart(['subgraphs.health.replicas=1']))).toEqual([
        'Deployment/jol-health: 1 replica(s), fewer than 2',
      ]);
      const planted = clone(manifests).filter(
        (m) => !(m.kind === 'PodDisruptionBudget' && m.metadata.name === 'jol-pensions'),
      );
      const labour = planted.find(
        (m) => m.kind === 'Deployment' && m.metadata.name === 'jol-labour',
      )!;
      delete labour.spec.template.spec.containers[0].readinessProbe;
      expect(availabilityProblems(planted)).toEqual([
        'Deployment/jol-labour container labour: no readiness probe on /readyz',
        'Deployment/jol-pensions: no PodDisruptionBudget',
      ]);
    });
  });

  describe('network policies', () => {
    it('lets only the gateway reach the subgraphs', () => {
      for (const { name, port } of SUBGRAPHS) {
        expect(mayConnect(policies(), labelsOf('gateway'), labelsOf(name), port)).toBe(true);
        for (const other of SUBGRAPHS.filter((s) => s.name !== name))
          expect(mayConnect(policies(), labelsOf(other.name), labelsOf(name), port)).toBe(false);
        const job = podsOf(manifests).find((p) => p.owner.kind === 'CronJob')!.labels;
        expect(mayConnect(policies(), job, labelsOf(name), port)).toBe(false);
        // Besides the gateway, a subgraph's ingress names no peer: no namespace, no address block.
        const ingress = policies()
          .filter((p) => p.spec.podSelector.matchLabels?.[COMPONENT] === name)
          .flatMap((p) => p.spec.ingress ?? []);
        expect(ingress.flatMap((rule: { from: unknown[] }) => rule.from)).toEqual([
          { podSelector: { matchLabels: deployment('gateway').spec.selector.matchLabels } },
        ]);
      }
    });

    it('lets labour, health, pensions and consular ask the gateway, and migration not', () => {
      for (const { name } of SUBGRAPHS)
        expect(mayConnect(policies(), labelsOf(name), labelsOf('gateway'), GATEWAY_PORT)).toBe(
          ASKS_GATEWAY.includes(name),
        );
    });

    it('lets subgraphs and jobs out only to the database, the DNS and the gateway', () => {
      const allowedPeers = (rule: { to?: unknown[]; ports?: { port: number }[] }) => {
        const ports = (rule.ports ?? []).map((p) => p.port);
        const peers = JSON.stringify(rule.to);
        if (peers === JSON.stringify([{ ipBlock: { cidr: '10.20.0.0/24' } }]))
          return ports.join() === '27017';
        if (peers.includes('kube-dns')) return ports.join() === '53,53';
        return peers.includes('"gateway"') && ports.join() === String(GATEWAY_PORT);
      };
      const pods = podsOf(manifests).filter((p) => p.labels[COMPONENT] !== 'gateway');
      for (const { labels } of pods) {
        const rules = egressRulesOf(policies(), labels);
        expect(rules.length).toBeGreaterThanOrEqual(2);
        for (const rule of rules) {
          expect(rule.to?.length).toBeGreaterThan(0);
          expect(rule.ports?.length).toBeGreaterThan(0);
          expect({ labels, rule, allowed: allowedPeers(rule as never) }).toMatchObject({
            allowed: true,
          });
        }
      }
    });

    it('denies by default whatever no policy allows', () => {
      const deny = policies().find((p) => p.metadata.name === 'jol-default-deny')!;
      expect(deny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(deny.spec.ingress).toBeUndefined();
      expect(deny.spec.egress).toBeUndefined();
      for (const { labels } of podsOf(manifests))
        expect(mayConnect([deny], labels, labelsOf('gateway'), GATEWAY_PORT)).toBe(false);
    });

    it('catches a planted policy that opens a subgraph to its neighbours', () => {
      const planted = clone(policies());
      const migration = planted.find((p) => p.metadata.name === 'jol-migration')!;
      migration.spec.ingress.push({ from: [{ podSelector: {} }] });
      expect(mayConnect(planted, labelsOf('labour'), labelsOf('migration'), 4001)).toBe(false);
      const labour = planted.find((p) => p.metadata.name === 'jol-labour')!;
      labour.spec.egress.push({ to: [{ podSelector: {} }] });
      expect(mayConnect(planted, labelsOf('labour'), labelsOf('migration'), 4001)).toBe(true);
    });

    it('refuses an empty database peer list, which would open every destination', () => {
      expect(renderError(['mongodb.egress=null'])).toContain('mongodb.egress must name');
    });
  });

  describe('ingress', () => {
    it('serves the gateway alone, over TLS', () => {
      const [ingress, ...more] = ofKind(manifests, 'Ingress');
      expect(more).toEqual([]);
      expect(ingress!.spec.tls).toEqual([{ hosts: ['jol.example.kg'], secretName: 'jol-tls' }]);
      const backends = ingress!.spec.rules.flatMap(
        (rule: { http: { paths: { backend: { service: { name: string } } }[] } }) =>
          rule.http.paths.map((path) => path.backend.service.name),
      );
      expect(backends).toEqual(['jol-gateway']);
      expect(renderError(['ingress.tls.secretName='])).toContain('ingress.tls.secretName');
    });
  });

  describe('jobs', () => {
    const cronJobs = () => podsOf(manifests).filter((p) => p.owner.kind === 'CronJob');

    it('schedules each job once per agency, with that agency database only', () => {
      for (const [job, command] of Object.entries(JOBS)) {
        const runs = cronJobs().filter((p) => p.labels['jol.kg/job'] === job);
        expect(runs.map((p) => envOf(p.pod.containers[0]!).JOL_AGENCY).sort()).toEqual(
          SUBGRAPHS.map((s) => s.name).sort(),
        );
        for (const { pod } of runs) {
          const c = pod.containers[0]!;
          const env = envOf(c);
          expect(c.image).toBe('registry.example.kg/jol/jol-jobs:0.1.0');
          expect(c.command).toEqual(command);
          expect(c.args).toEqual(['--agency', env.JOL_AGENCY]);
          expect(env.MONGODB_URI).toBe(`secret:jol-mongodb-${env.JOL_AGENCY}/uri`);
          expect(env.MONGODB_DB).toBe(`jol_${env.JOL_AGENCY}`);
        }
      }
    });

    it('gives the checkpoint key to the checkpoint job alone, and the log read-only to verify', () => {
      for (const { labels, pod } of cronJobs()) {
        const env = envOf(pod.containers[0]!);
        const job = labels['jol.kg/job'];
        expect([job, 'AUDIT_CHECKPOINT_KEY' in env]).toEqual([job, job === 'audit-checkpoint']);
        expect([job, 'JOL_STATS_SECRET_FILE' in env]).toEqual([job, job === 'stats-refresh']);
        const log = pod.containers[0]!.volumeMounts!.find((m) => m.name === 'checkpoint-log');
        if (job === 'audit-verify') expect(log?.readOnly).toBe(true);
        if (job === 'audit-checkpoint') expect(log?.readOnly).toBe(false);
      }
    });

    it('refreshes the register first; the others read its export and write nothing there', () => {
      const refreshes = cronJobs().filter((p) => p.labels['jol.kg/job'] === 'stats-refresh');
      for (const { owner, pod } of refreshes) {
        const agency = envOf(pod.containers[0]!).JOL_AGENCY;
        const mount = pod.containers[0]!.volumeMounts!.find((m) => m.name === 'statistics-export');
        expect([agency, mount?.readOnly]).toEqual([agency, agency !== 'migration']);
        expect([agency, owner.spec.schedule]).toEqual([
          agency,
          agency === 'migration' ? '30 0 * * *' : '30 1 * * *',
        ]);
      }
    });

    it('refreshes no statistics of a subgraph that keeps none, and still verifies its audit', () => {
      const jobsFor = (rendered: ReturnType<typeof renderChart>, agency: string) =>
        podsOf(rendered)
          .filter((p) => p.labels[COMPONENT].endsWith(`-${agency}`) && p.labels['jol.kg/job'])
          .map((p) => p.labels['jol.kg/job'])
          .sort();
      const all = jobsFor(renderChart(), 'labour');
      expect(all).toContain('stats-refresh');
      const without = jobsFor(renderChart(['subgraphs.labour.statistics=false']), 'labour');
      expect(without).toEqual(all.filter((job) => job !== 'stats-refresh'));
      expect(without).toContain('audit-verify');
      // Any other value, or none, keeps it.
      expect(jobsFor(renderChart(['subgraphs.labour.statistics=true']), 'labour')).toEqual(all);
    });

    it('takes its image and command from values', () => {
      const rendered = renderChart([], {
        jobs: {
          image: { repository: 'jol-batch' },
          cronJobs: {
            'audit-verify': {
              command: ['node', 'jobs/dist/other-main.js'],
              args: ['--agency', '{{ .agency }}'],
            },
          },
        },
      });
      const verify = podsOf(rendered).find(
        (p) => p.labels['jol.kg/job'] === 'audit-verify' && p.labels[COMPONENT].endsWith('labour'),
      )!.pod.containers[0]!;
      expect(verify.image).toBe('registry.example.kg/jol/jol-batch:0.1.0');
      expect(verify.command).toEqual(['node', 'jobs/dist/other-main.js']);
      expect(verify.args).toEqual(['--agency', 'labour']);
    });
  });
});
