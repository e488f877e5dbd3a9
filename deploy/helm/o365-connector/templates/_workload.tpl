{{/*
One component: its ServiceAccount, ConfigMap, Service and Deployment. Called with a dict:
  root        the top context ($)
  component   auth-service, graph-gateway, sync-worker or graph-simulator
  v           the component's values
  port        the port the container listens on
  config      ConfigMap data (YAML): the non-secret environment, loaded with envFrom
  secretEnv   env entries (YAML list) taken from Secrets
  health      dict of live, ready, started: the probe paths
  metrics     whether the pods are scraped (/q/metrics)
  volumes     extra volumes (YAML list), volumeMounts their mounts
*/}}
{{- define "o365-connector.workload" -}}
{{- $root := .root -}}
{{- $ctx := dict "root" $root "component" .component -}}
{{- $name := include "o365-connector.componentName" $ctx -}}
{{- $v := .v -}}
{{- if $root.Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  labels:
    {{- include "o365-connector.labels" $ctx | nindent 4 }}
  {{- with $root.Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
---
{{- end }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $name }}
  labels:
    {{- include "o365-connector.labels" $ctx | nindent 4 }}
data:
  {{- .config | nindent 2 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "o365-connector.labels" $ctx | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "o365-connector.selectorLabels" $ctx | nindent 4 }}
  ports:
    - name: http
      port: {{ $v.service.port }}
      targetPort: http
      protocol: TCP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "o365-connector.labels" $ctx | nindent 4 }}
spec:
  {{- if not (and $v.autoscaling $v.autoscaling.enabled) }}
  replicas: {{ $v.replicaCount | default 1 }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "o365-connector.selectorLabels" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "o365-connector.labels" $ctx | nindent 8 }}
        {{- with $v.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        # A changed ConfigMap or Secret rolls the pods (environment is read only at start).
        checksum/config: {{ .config | sha256sum }}
        {{- if .secretEnv }}
        checksum/secrets: {{ include (print $root.Template.BasePath "/secrets.yaml") $root | sha256sum }}
        {{- end }}
        {{- if and .metrics $root.Values.metrics.podAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ .port | quote }}
        {{- end }}
        {{- with $v.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "o365-connector.serviceAccountName" $ctx }}
      automountServiceAccountToken: false
      {{- with $root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "o365-connector.image" (dict "root" $root "image" $v.image) | quote }}
          imagePullPolicy: {{ include "o365-connector.imagePullPolicy" (dict "root" $root "image" $v.image) }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $name }}
          {{- $secretEnv := trim (.secretEnv | default "") }}
          {{- if or $secretEnv $v.extraEnv }}
          env:
            {{- with $secretEnv }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}
          startupProbe:
            httpGet:
              path: {{ .health.started }}
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            # Up to 3 minutes: a service's start runs its Flyway migrations, possibly after
            # waiting for another replica's migration lock.
            failureThreshold: 36
          livenessProbe:
            httpGet:
              path: {{ .health.live }}
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: {{ .health.ready }}
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with trim (.volumeMounts | default "") }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $root.Values.tmpSizeLimit }}
        {{- with trim (.volumes | default "") }}
        {{- . | nindent 8 }}
        {{- end }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/* Probe paths of the Quarkus services (SmallRye Health). */}}
{{- define "o365-connector.quarkusHealth" -}}
{{- toYaml (dict "live" "/q/health/live" "ready" "/q/health/ready" "started" "/q/health/started") }}
{{- end }}
