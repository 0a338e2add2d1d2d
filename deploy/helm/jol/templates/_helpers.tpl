{{/* The release's base name, at most 63 characters with a component suffix. */}}
{{- define "jol.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels that select one component's pods: ctx is (dict "root" $ "component" "labour"). */}}
{{- define "jol.selectorLabels" -}}
app.kubernetes.io/name: {{ default .root.Chart.Name .root.Values.nameOverride }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "jol.labels" -}}
{{ include "jol.selectorLabels" . }}
app.kubernetes.io/part-of: jol
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "jol.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .image.repository $tag -}}
{{- end -}}

{{/* A pod that runs as the image's unprivileged user, under the runtime's seccomp profile. */}}
{{- define "jol.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Every container: non-root, read-only root filesystem, no escalation, no capabilities. */}}
{{- define "jol.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Plain settings from a values map. A name that looks like a secret is refused: secrets come from
Secrets (secretKeyRef or a mounted file), never from values. ctx: (dict "env" map "where" "path").
*/}}
{{- define "jol.plainEnv" -}}
{{- range $name, $value := .env }}
{{- if regexMatch "(?i)(SECRET|TOKEN|PASSWORD|URI|KEY)" $name }}
{{- fail (printf "%s.%s looks like a secret: put it in a Secret and reference it, never in values" $.where $name) }}
{{- end }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* What every Node process reads: listen address, log level, shutdown, token keys, signing keys. */}}
{{- define "jol.commonEnv" -}}
- name: HOST
  value: "0.0.0.0"
- name: LOG_LEVEL
  value: {{ .Values.common.logLevel | quote }}
- name: SHUTDOWN_DRAIN_MS
  value: {{ .Values.common.shutdownDrainMs | toString | quote }}
- name: SHUTDOWN_TIMEOUT_MS
  value: {{ .Values.common.shutdownTimeoutMs | toString | quote }}
- name: JWT_ISSUER
  value: {{ .Values.auth.issuer | quote }}
- name: JWT_AUDIENCE
  value: {{ .Values.auth.audience | quote }}
{{- if .Values.auth.jwks.url }}
- name: JWKS_URL
  value: {{ .Values.auth.jwks.url | quote }}
{{- else }}
- name: JWKS_PATH
  value: /run/secrets/jol/jwks/{{ .Values.auth.jwks.key }}
{{- end }}
- name: JOL_SIGNING_KEYS_FILE
  value: /run/secrets/jol/signing/{{ .Values.signing.key }}
{{- if .Values.metrics.existingSecret }}
- name: METRICS_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.metrics.existingSecret }}
      key: {{ .Values.metrics.key }}
{{- end }}
{{- end -}}

{{- define "jol.commonVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: signing-keys
  mountPath: /run/secrets/jol/signing
  readOnly: true
{{- if not .Values.auth.jwks.url }}
- name: jwks
  mountPath: /run/secrets/jol/jwks
  readOnly: true
{{- end }}
{{- end -}}

{{- define "jol.commonVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
- name: signing-keys
  secret:
    secretName: {{ required "signing.existingSecret must name the Secret of the signing keys" .Values.signing.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .Values.signing.key }}
        path: {{ .Values.signing.key }}
{{- if not .Values.auth.jwks.url }}
- name: jwks
  secret:
    secretName: {{ required "auth.jwks.existingSecret (or auth.jwks.url) must name the token keys" .Values.auth.jwks.existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .Values.auth.jwks.key }}
        path: {{ .Values.auth.jwks.key }}
{{- end }}
{{- end -}}

{{/* A process's probes on its own port: liveness /healthz, readiness /readyz. */}}
{{- define "jol.probes" -}}
startupProbe:
  httpGet: { path: /healthz, port: http }
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: { path: /healthz, port: http }
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: { path: /readyz, port: http }
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 2
{{- end -}}

{{/* Long enough for the drain and the in-flight deadline, with a margin. */}}
{{- define "jol.terminationGracePeriod" -}}
{{- add (div (add .Values.common.shutdownDrainMs .Values.common.shutdownTimeoutMs) 1000) 5 -}}
{{- end -}}

{{- define "jol.topologySpread" -}}
{{- if .root.Values.topologySpread.enabled }}
topologySpreadConstraints:
  - maxSkew: {{ .root.Values.topologySpread.maxSkew }}
    topologyKey: {{ .root.Values.topologySpread.topologyKey }}
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "jol.selectorLabels" . | nindent 8 }}
{{- end }}
{{- end -}}

{{- define "jol.podPlacement" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
