import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { REPO_ROOT } from '@jol/tools';

/**
 * Renders deploy/helm/jol with the pinned Helm (installed by deploy/helm/install-helm.sh into
 * .tools/helm) and judges the manifests: what every pod, container, policy and job must be.
 * Each judgement returns the problems it finds, so a spec can plant a bad value and see it named.
 */

export const CHART_DIR = join(REPO_ROOT, 'deploy', 'helm', 'jol');
export const HELM = process.env.HELM ?? join(REPO_ROOT, '.tools', 'helm', 'bin', 'helm');
/** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
export const KUBE_VERSION = '1.25.0';
/** Labels of the namespace the release is rendered into. */
const NAMESPACE_LABELS = { 'kubernetes.io/metadata.name': 'jol' };

/** Throws a message that says how to install Helm, rather than letting a spec skip. */
export function requireHelm(): string {
  if (!existsSync(HELM))
    throw new Error(
      `helm is not installed at ${HELM}: run "bash deploy/helm/install-helm.sh" (bash .ci/setup runs it)`,
    );
  return HELM;
}

export function helm(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(requireHelm(), args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `helm template` of the chart with `--set` pairs and, optionally, a values document laid over
 * the defaults; throws with Helm's message when it refuses.
 */
export function renderChart(sets: string[] = [], values?: object): Manifest[] {
  const args = ['template', 'jol', CHART_DIR, '--namespace', 'jol'];
  args.push('--kube-version', KUBE_VERSION);
  for (const set of sets) args.push('--set', set);
  if (values) args.push('--values', '-');
  const text = execFileSync(requireHelm(), args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input: values ? stringify(values) : '',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

/** The error Helm prints when it refuses to render (its last line), or null when it renders. */
export function renderError(sets: string[]): string | null {
  try {
    renderChart(sets);
    return null;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    return stderr.trim();
  }
}

// ---- manifests ----

type Labels = Record<string, string>;
interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; [other: string]: unknown };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: unknown[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
    seccompProfile?: { type: string };
  };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
export interface PodSpec {
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    seccompProfile?: { type: string };
  };
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  containers: Container[];
  initContainers?: Container[];
  volumes?: {
    name: string;
    secret?: { secretName: string };
    persistentVolumeClaim?: { claimName: string };
  }[];
}
interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string };
}
interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
  ports?: { protocol?: string; port?: number | string }[];
}
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels; annotations?: Record<string, string> };
  // Each kind's spec, read through the accessors below.
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: unknown;
  stringData?: unknown;
}

export const COMPONENT = 'app.kubernetes.io/component';

export const ofKind = (manifests: Manifest[], kind: string) =>
  manifests.filter((m) => m.kind === kind);

/** Every workload's pod: a Deployment's template or a CronJob's job template. */
export function podsOf(manifests: Manifest[]): { owner: Manifest; labels: Labels; pod: PodSpec }[] {
  return manifests.flatMap((m) => {
    if (m.kind === 'Deployment')
      return [{ owner: m, labels: m.spec.template.metadata.labels, pod: m.spec.template.spec }];
    if (m.kind === 'CronJob') {
      const template = m.spec.jobTemplate.spec.template;
      return [{ owner: m, labels: template.metadata.labels, pod: template.spec }];
    }
    return [];
  });
}

const SECRET_NAME = /SECRET|TOKEN|PASSWORD|URI|KEY/i;

/**
 * What must hold of every pod: non-root, read-only root filesystem, no privilege escalation, every
 * capability dropped, seccomp RuntimeDefault, requests and limits, no service-account token, no
 * host namespaces; secrets only from Secrets (secretKeyRef, or a file in a secret volume).
 */
export function podProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const { owner, pod } of podsOf(manifests)) {
    const where = `${owner.kind}/${owner.metadata.name}`;
    if (pod.automountServiceAccountToken !== false)
      problems.push(`${where}: mounts a service-account token`);
    if (pod.hostNetwork || pod.hostPID) problems.push(`${where}: shares a host namespace`);
    if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${where}: pod seccomp profile is not RuntimeDefault`);
    const secretVolumes = new Set(
      (pod.volumes ?? []).filter((v) => v.secret).map((volume) => volume.name),
    );
    for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
      const at = `${where} container ${container.name}`;
      const sc = container.securityContext ?? {};
      const nonRoot = sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      const user = sc.runAsUser ?? pod.securityContext?.runAsUser;
      if (nonRoot !== true) problems.push(`${at}: runAsNonRoot is not true`);
      if (user === undefined || user === 0) problems.push(`${at}: runs as user ${user ?? 'unset'}`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: root filesystem is writable`);
      if (sc.allowPrivilegeEscalation !== false)
        problems.push(`${at}: privilege escalation allowed`);
      if (sc.privileged) problems.push(`${at}: privileged`);
      if (!sc.capabilities?.drop?.includes('ALL'))
        problems.push(`${at}: capabilities not all dropped`);
      if ((sc.capabilities?.add ?? []).length > 0) problems.push(`${at}: adds capabilities`);
      if (
        (sc.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type) !== 'RuntimeDefault'
      )
        problems.push(`${at}: seccomp profile is not RuntimeDefault`);
      for (const kind of ['requests', 'limits'] as const)
        for (const resource of ['cpu', 'memory'])
          if (!container.resources?.[kind]?.[resource])
            problems.push(`${at}: no ${resource} ${kind.slice(0, -1)}`);
      if (container.envFrom) problems.push(`${at}: envFrom hides what the process is given`);
      const secretMounts = (container.volumeMounts ?? []).filter((m) => secretVolumes.has(m.name));
      for (const variable of container.env ?? []) {
        if (variable.valueFrom) {
          if (!variable.valueFrom.secretKeyRef && SECRET_NAME.test(variable.name))
            problems.push(`${at}: ${variable.name} comes from something other than a Secret`);
          continue;
        }
        if (!SECRET_NAME.test(variable.name)) continue;
        // A secret-looking name may carry a plain value only when it is the path of a file
        // mounted from a Secret (JOL_SIGNING_KEYS_FILE, AUDIT_CHECKPOINT_KEY...).
        const value = variable.value ?? '';
        const fromSecretFile = secretMounts.some((m) => value.startsWith(`${m.mountPath}/`));
        if (!fromSecretFile)
          problems.push(`${at}: ${variable.name} is a plain value, not a Secret reference`);
      }
    }
  }
  for (const secret of ofKind(manifests, 'Secret'))
    if (secret.data || secret.stringData)
      problems.push(`Secret/${secret.metadata.name}: the chart writes secret material itself`);
  return problems;
}

/** Deployments: readiness on /readyz, liveness on /healthz, at least two replicas, a PDB. */
export function availabilityProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const hpas = ofKind(manifests, 'HorizontalPodAutoscaler');
  const pdbs = ofKind(manifests, 'PodDisruptionBudget');
  for (const deployment of ofKind(manifests, 'Deployment')) {
    const where = `Deployment/${deployment.metadata.name}`;
    const pod = deployment.spec.template.spec as PodSpec;
    for (const container of pod.containers) {
      if (container.readinessProbe?.httpGet?.path !== '/readyz')
        problems.push(`${where} container ${container.name}: no readiness probe on /readyz`);
      if (container.livenessProbe?.httpGet?.path !== '/healthz')
        problems.push(`${where} container ${container.name}: no liveness probe on /healthz`);
    }
    const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === deployment.metadata.name);
    const replicas = hpa ? hpa.spec.minReplicas : deployment.spec.replicas;
    if (!(replicas >= 2)) problems.push(`${where}: ${replicas ?? 1} replica(s), fewer than 2`);
    const labels = deployment.spec.template.metadata.labels as Labels;
    const pdb = pdbs.find((p) => selects(p.spec.selector, labels));
    if (!pdb) problems.push(`${where}: no PodDisruptionBudget`);
    else if (!(pdb.spec.minAvailable >= 1) && pdb.spec.maxUnavailable === undefined)
      problems.push(`${where}: its PodDisruptionBudget keeps no pod available`);
  }
  return problems;
}

// ---- network policies ----

export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = key in labels;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (operator === 'In' && !values.includes(labels[key]!)) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
  }
  return true;
}

/** Whether a peer names a pod of the release's namespace with these labels. */
function peerSelectsPod(peer: NetworkPolicyPeer, labels: Labels): boolean {
  if (peer.ipBlock) return false;
  if (peer.namespaceSelector && !selects(peer.namespaceSelector, NAMESPACE_LABELS)) return false;
  return selects(peer.podSelector, labels);
}

function portMatches(rule: NetworkPolicyRule, port: number): boolean {
  return !rule.ports || rule.ports.length === 0 || rule.ports.some((p) => p.port === port);
}

/**
 * Whether a pod labelled `from` may open a TCP connection to a pod labelled `to` on `port` under
 * the release's policies: the source's egress and the target's ingress must both allow it (a pod
 * no policy of a direction selects is open in that direction, as on Kubernetes).
 */
export function mayConnect(policies: Manifest[], from: Labels, to: Labels, port: number): boolean {
  const allowed = (direction: 'Egress' | 'Ingress', subject: Labels, other: Labels) => {
    const applying = policies.filter(
      (p) =>
        selects(p.spec.podSelector, subject) &&
        (p.spec.policyTypes ?? ['Ingress']).includes(direction),
    );
    if (applying.length === 0) return true;
    const rules = applying.flatMap(
      (p) => (direction === 'Egress' ? p.spec.egress : p.spec.ingress) ?? [],
    ) as NetworkPolicyRule[];
    return rules.some((rule) => {
      const peers = direction === 'Egress' ? rule.to : rule.from;
      const peerOk = !peers || peers.length === 0 || peers.some((p) => peerSelectsPod(p, other));
      return peerOk && portMatches(rule, port);
    });
  };
  return allowed('Egress', from, to) && allowed('Ingress', to, from);
}

/** The egress rules of every policy selecting a pod, to check peers outside the cluster. */
export function egressRulesOf(policies: Manifest[], labels: Labels): NetworkPolicyRule[] {
  return policies
    .filter(
      (p) => selects(p.spec.podSelector, labels) && (p.spec.policyTypes ?? []).includes('Egress'),
    )
    .flatMap((p) => (p.spec.egress ?? []) as NetworkPolicyRule[]);
}
