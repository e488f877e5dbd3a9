{{/*
Names, labels, images, URLs and secret references shared by the templates.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "o365-connector.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: <release>-<chart>, or the release name when it contains the chart name. */}}
{{- define "o365-connector.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of a component's resources: (dict "root" $ "component" "auth-service"). */}}
{{- define "o365-connector.componentName" -}}
{{- printf "%s-%s" (include "o365-connector.fullname" .root | trunc 47 | trimSuffix "-") .component }}
{{- end }}

{{- define "o365-connector.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource of a component: (dict "root" $ "component" "auth-service"). */}}
{{- define "o365-connector.labels" -}}
helm.sh/chart: {{ include "o365-connector.chart" .root }}
{{ include "o365-connector.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: o365-connector
{{- end }}

{{/* Labels that select a component's pods. */}}
{{- define "o365-connector.selectorLabels" -}}
app.kubernetes.io/name: {{ include "o365-connector.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/* Image reference: (dict "root" $ "image" .Values.authService.image). A digest wins over a tag. */}}
{{- define "o365-connector.image" -}}
{{- $registry := .image.registry | default .root.Values.global.image.registry -}}
{{- $repository := .image.repository -}}
{{- if $registry }}{{ $repository = printf "%s/%s" (trimSuffix "/" $registry) .image.repository }}{{ end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest }}
{{- else -}}
{{- printf "%s:%s" $repository (.image.tag | default .root.Values.global.image.tag | default .root.Chart.AppVersion | toString) }}
{{- end -}}
{{- end }}

{{- define "o365-connector.imagePullPolicy" -}}
{{- .image.pullPolicy | default .root.Values.global.image.pullPolicy }}
{{- end }}

{{/* ServiceAccount of a component: (dict "root" $ "component" "auth-service"). */}}
{{- define "o365-connector.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.create }}
{{- include "o365-connector.componentName" . }}
{{- else }}
{{- .root.Values.serviceAccount.name | default "default" }}
{{- end }}
{{- end }}

{{/* ---------------------------------------------------------------- URLs between components */}}

{{- define "o365-connector.simulatorUrl" -}}
{{- printf "http://%s:%v" (include "o365-connector.componentName" (dict "root" . "component" "graph-simulator")) .Values.simulator.service.port }}
{{- end }}

{{- define "o365-connector.authServiceUrl" -}}
{{- printf "http://%s:%v" (include "o365-connector.componentName" (dict "root" . "component" "auth-service")) .Values.authService.service.port }}
{{- end }}

{{- define "o365-connector.graphGatewayUrl" -}}
{{- printf "http://%s:%v" (include "o365-connector.componentName" (dict "root" . "component" "graph-gateway")) .Values.graphGateway.service.port }}
{{- end }}

{{/* O365_PLATFORM_ISSUER: the simulator's platform tenant, or platform.issuer. */}}
{{- define "o365-connector.platformIssuer" -}}
{{- if .Values.simulator.enabled }}
{{- printf "%s/%s/v2.0" (include "o365-connector.simulatorUrl" .) .Values.simulator.credentials.platformTenantId }}
{{- else }}
{{- .Values.platform.issuer }}
{{- end }}
{{- end }}

{{- define "o365-connector.loginBaseUrl" -}}
{{- if .Values.simulator.enabled }}
{{- include "o365-connector.simulatorUrl" . }}
{{- else }}
{{- .Values.microsoft.loginBaseUrl }}
{{- end }}
{{- end }}

{{- define "o365-connector.graphBaseUrl" -}}
{{- if .Values.simulator.enabled }}
{{- printf "%s/v1.0" (include "o365-connector.simulatorUrl" .) }}
{{- else }}
{{- .Values.microsoft.graphBaseUrl }}
{{- end }}
{{- end }}

{{/* O365_CALLBACK_URL: the simulator's demo redirect URI, entra.callbackUrl, or the ingress host's. */}}
{{- define "o365-connector.callbackUrl" -}}
{{- if .Values.simulator.enabled }}
{{- .Values.simulator.credentials.callbackUrl }}
{{- else if .Values.entra.callbackUrl }}
{{- .Values.entra.callbackUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.host }}
{{- printf "https://%s/connector/callback" .Values.ingress.host }}
{{- end }}
{{- end }}

{{/* ---------------------------------------------------------------- Secrets: the chart's or yours */}}

{{/* Whether the chart renders a Secret of its own: (dict "root" $ "existing" .existingSecret "simulated" bool). */}}
{{- define "o365-connector.ownsSecret" -}}
{{- if or .simulated (not .existing) }}true{{ end }}
{{- end }}

{{- define "o365-connector.entraSecretName" -}}
{{- if or .Values.simulator.enabled (not .Values.entra.existingSecret) }}
{{- printf "%s-entra" (include "o365-connector.fullname" .) }}
{{- else }}
{{- .Values.entra.existingSecret }}
{{- end }}
{{- end }}

{{- define "o365-connector.tokenKeysetSecretName" -}}
{{- .Values.tokenKeyset.existingSecret | default (printf "%s-token-keyset" (include "o365-connector.fullname" .)) }}
{{- end }}

{{/* Database credentials of a component: (dict "root" $ "component" "auth-service" "db" .Values.authService.database). */}}
{{- define "o365-connector.databaseSecretName" -}}
{{- .db.existingSecret | default (printf "%s-db" (include "o365-connector.componentName" .)) }}
{{- end }}

{{/* Platform client secret of a component: (dict "root" $ "component" "graph-gateway" "client" .Values.graphGateway.platformClient). */}}
{{- define "o365-connector.platformClientSecretName" -}}
{{- if or .root.Values.simulator.enabled (not .client.existingSecret) }}
{{- printf "%s-platform-client" (include "o365-connector.componentName" .) }}
{{- else }}
{{- .client.existingSecret }}
{{- end }}
{{- end }}

{{- define "o365-connector.kafkaSaslSecretName" -}}
{{- .Values.kafka.sasl.existingSecret | default (printf "%s-kafka-sasl" (include "o365-connector.fullname" .)) }}
{{- end }}

{{- define "o365-connector.kafkaUsesSasl" -}}
{{- if hasPrefix "SASL_" (.Values.kafka.securityProtocol | upper) }}true{{ end }}
{{- end }}

{{- define "o365-connector.kafkaUsesTls" -}}
{{- if and (has (.Values.kafka.securityProtocol | upper) (list "SSL" "SASL_SSL")) .Values.kafka.tls.caSecret }}true{{ end }}
{{- end }}

{{/* ---------------------------------------------------------------- Environment */}}

{{/* Kafka settings that are not secret, as ConfigMap data (KAFKA_* become kafka.* client properties). */}}
{{- define "o365-connector.kafkaConfig" -}}
KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
{{- with .Values.kafka.securityProtocol }}
KAFKA_SECURITY_PROTOCOL: {{ . | upper | quote }}
{{- end }}
{{- if include "o365-connector.kafkaUsesSasl" . }}
KAFKA_SASL_MECHANISM: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if include "o365-connector.kafkaUsesTls" . }}
KAFKA_SSL_TRUSTSTORE_TYPE: "PEM"
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/o365-connector/kafka-ca/%s" .Values.kafka.tls.caSecretKey | quote }}
{{- end }}
{{- end }}

{{/*
Kafka SASL credentials as env entries. The JAAS line is assembled by Kubernetes from the two
variables before it, so the password never sits in a ConfigMap. Their names do not start with
KAFKA_, which Quarkus would pass to the Kafka clients as properties.
*/}}
{{- define "o365-connector.kafkaSecretEnv" -}}
{{- if include "o365-connector.kafkaUsesSasl" . }}
{{- $secret := include "o365-connector.kafkaSaslSecretName" . }}
{{- $sasl := .Values.kafka.sasl }}
{{- if and $sasl.existingSecret $sasl.existingSecretKeys.username }}
- name: O365_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $sasl.existingSecretKeys.username }}
{{- else if $sasl.existingSecret }}
- name: O365_KAFKA_SASL_USERNAME
  value: {{ $sasl.username | quote }}
{{- else }}
- name: O365_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: username
{{- end }}
- name: O365_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ ternary $sasl.existingSecretKeys.password "password" (not (empty $sasl.existingSecret)) }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq ($sasl.mechanism | upper) "PLAIN") }}
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(O365_KAFKA_SASL_USERNAME)\" password=\"$(O365_KAFKA_SASL_PASSWORD)\";" $module | quote }}
{{- end }}
{{- end }}

{{/* DB_USER and DB_PASSWORD from the component's database Secret: (dict "root" $ "component" ... "db" ...). */}}
{{- define "o365-connector.databaseSecretEnv" -}}
{{- $secret := include "o365-connector.databaseSecretName" . }}
- name: DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ ternary .db.existingSecretKeys.username "username" (not (empty .db.existingSecret)) }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ ternary .db.existingSecretKeys.password "password" (not (empty .db.existingSecret)) }}
{{- end }}

{{/* O365_PLATFORM_CLIENT_SECRET of a component: (dict "root" $ "component" ... "client" ...). */}}
{{- define "o365-connector.platformClientSecretEnv" -}}
{{- $own := or .root.Values.simulator.enabled (not .client.existingSecret) }}
- name: O365_PLATFORM_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "o365-connector.platformClientSecretName" . }}
      key: {{ ternary "client-secret" .client.existingSecretKey $own }}
{{- end }}

{{/* Extra volumes and mounts of a service pod (Kafka's CA). */}}
{{- define "o365-connector.kafkaVolumes" -}}
{{- if include "o365-connector.kafkaUsesTls" . }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.caSecret }}
    items:
      - key: {{ .Values.kafka.tls.caSecretKey }}
        path: {{ .Values.kafka.tls.caSecretKey }}
{{- end }}
{{- end }}

{{- define "o365-connector.kafkaVolumeMounts" -}}
{{- if include "o365-connector.kafkaUsesTls" . }}
- name: kafka-ca
  mountPath: /etc/o365-connector/kafka-ca
  readOnly: true
{{- end }}
{{- end }}

{{/* Replicas a component has at least: autoscaling.minReplicas or replicaCount. */}}
{{- define "o365-connector.minReplicas" -}}
{{- if and .autoscaling .autoscaling.enabled }}{{ .autoscaling.minReplicas }}{{ else }}{{ .replicaCount }}{{ end }}
{{- end }}
