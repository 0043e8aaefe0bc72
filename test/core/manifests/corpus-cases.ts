import type { ManifestTarget } from '../../../core/config/environments-config-schema.js';
import type { SetterTarget } from '../../../core/manifests/manifest-edit-types.js';

/** Where one edit lands: the bytes at `line` (they may run over its end) and what replaces them. */
export interface ExpectedSpan {
  line: number;
  before: string;
  after: string;
  /** The line the edit reports, when it differs (an inserted key is on the next line). */
  editLine?: number;
}

/** One change to a corpus file and every byte it must change. */
export interface CorpusCase {
  file: string;
  /** The target without its `file` (added from `file`). */
  target: DistributiveOmit<ManifestTarget, 'file'> | Omit<SetterTarget, 'file'>;
  value: string;
  /** What readManifestValues gives before the edit, per matched value. */
  reads: (string | null)[];
  spans: ExpectedSpan[];
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const V = 'ghcr.io/acme/fraud-model:{version}';
const D3 = `sha256:${'3'.repeat(64)}`;
const D4 = `sha256:${'4'.repeat(64)}`;
const D5 = `sha256:${'5'.repeat(64)}`;

export const CORPUS_CASES: CorpusCase[] = [
  // Argo CD guestbook: a Deployment and a Service in one file.
  {
    file: 'argocd-guestbook.yaml',
    target: { kind: 'image', model: 'fraud', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [
      { line: 27, before: 'ghcr.io/acme/fraud-model:v5.0.2', after: 'ghcr.io/acme/fraud-model:v5.1.0' },
    ],
  },
  {
    file: 'argocd-guestbook.yaml',
    target: { kind: 'image', model: 'guestbook', container: 'guestbook-ui', value: 'x:{version}' },
    value: 'gcr.io/heptio-images/ks-guestbook-demo:0.3',
    reads: ['gcr.io/heptio-images/ks-guestbook-demo:0.2'],
    spans: [{ line: 22, before: 'ks-guestbook-demo:0.2', after: 'ks-guestbook-demo:0.3' }],
  },
  {
    file: 'argocd-guestbook.yaml',
    target: {
      kind: 'yaml',
      model: 'fraud',
      path: 'spec.template.spec.containers[1].env[0].value',
      value: '{version}',
    },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 31, before: '"v5.0.2"', after: '"v5.1.0"' }],
  },
  {
    file: 'argocd-guestbook.yaml',
    target: {
      kind: 'yaml',
      model: 'fraud',
      path: 'metadata.labels["app.kubernetes.io/part-of"]',
      value: '{semver}',
    },
    value: '1.20',
    reads: ['guestbook'],
    spans: [{ line: 8, before: '"guestbook"', after: '"1.20"' }],
  },
  {
    file: 'argocd-guestbook.yaml',
    target: {
      kind: 'yaml',
      model: 'fraud',
      path: 'spec.template.spec.containers[1].args[3]',
      value: '{name}',
    },
    value: 'yes',
    reads: ['fraud'],
    spans: [{ line: 28, before: 'fraud]', after: '"yes"]' }],
  },
  // Helm values with comments, anchors (not on the targets) and dotted keys.
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.image.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 11, before: '"v5.0.2"', after: '"v5.1.0"' }],
  },
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.storageUri', value: '{uri}' },
    value: 's3://models/fraud/v5.1.0/model.onnx',
    reads: ['s3://models/fraud/v5.0.2/model.onnx'],
    spans: [
      {
        line: 15,
        before: 's3://models/fraud/v5.0.2/model.onnx',
        after: 's3://models/fraud/v5.1.0/model.onnx',
      },
    ],
  },
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'proxy', path: 'sidecar.image.tag', value: '{semver}' },
    value: 'true',
    reads: ['1.4.0'],
    spans: [{ line: 31, before: '1.4.0', after: '"true"' }],
  },
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: "podAnnotations['prometheus.io/port']", value: '{semver}' },
    value: '9091',
    reads: ['9090'],
    spans: [{ line: 39, before: "'9090'", after: "'9091'" }],
  },
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'labels["model.acme.io/version"]', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 42, before: 'v5.0.2 #', after: 'v5.1.0 #' }],
  },
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'replicaCount', value: '{semver}' },
    value: '3',
    reads: ['2'],
    spans: [{ line: 4, before: '2', after: '"3"' }],
  },
  {
    file: 'helm-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'nameOverride', value: '{name}' },
    value: 'fraud',
    reads: [''],
    spans: [{ line: 18, before: '""', after: '"fraud"' }],
  },
  // KServe, new style and old style.
  {
    file: 'kserve-model.yaml',
    target: { kind: 'kserve', model: 'fraud', value: '{uri}' },
    value: 'gs://acme-models/fraud/v5.1.0',
    reads: ['gs://acme-models/fraud/v5.0.2'],
    spans: [
      { line: 15, before: '"gs://acme-models/fraud/v5.0.2"', after: '"gs://acme-models/fraud/v5.1.0"' },
    ],
  },
  {
    file: 'kserve-sklearn.yaml',
    target: { kind: 'kserve', model: 'iris', value: '{uri}' },
    value: 'gs://kfserving-examples/models/sklearn/1.1/model',
    reads: ['gs://kfserving-examples/models/sklearn/1.0/model'],
    spans: [{ line: 9, before: 'sklearn/1.0/model   #', after: 'sklearn/1.1/model   #' }],
  },
  // Kustomize overlays.
  {
    file: 'kustomization-staging.yaml',
    target: {
      kind: 'kustomize-image',
      model: 'fraud',
      image: 'ghcr.io/acme/fraud-model',
      value: '{version}',
    },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 10, before: 'v5.0.2', after: 'v5.1.0' }],
  },
  {
    file: 'kustomization-staging.yaml',
    target: { kind: 'kustomize-image', model: 'nginx', image: 'nginx', value: '{semver}' },
    value: '1.26',
    reads: ['1.25'],
    spans: [{ line: 13, before: '"1.25"', after: '"1.26"' }],
  },
  {
    file: 'kustomization-staging.yaml',
    target: { kind: 'kustomize-image', model: 'fraud', image: 'ghcr.io/acme/fraud-model', value: '{digest}' },
    value: D3,
    reads: [null],
    spans: [{ line: 10, before: 'v5.0.2\n', after: `v5.0.2\n    digest: ${D3}\n`, editLine: 11 }],
  },
  {
    file: 'kustomization-production.yaml',
    target: { kind: 'kustomize-image', model: 'fraud', image: 'ghcr.io/acme/fraud-model', value: '{digest}' },
    value: D4,
    reads: [`sha256:${'1'.repeat(64)}`],
    spans: [{ line: 7, before: `sha256:${'1'.repeat(64)}`, after: D4 }],
  },
  {
    file: 'kustomization-production.yaml',
    target: {
      kind: 'kustomize-image',
      model: 'proxy',
      image: 'ghcr.io/acme/feature-proxy',
      value: '{semver}',
    },
    value: '1.5.0',
    reads: ['1.4.0'],
    spans: [{ line: 8, before: "'1.4.0'", after: "'1.5.0'" }],
  },
  {
    file: 'kustomization-production.yaml',
    target: {
      kind: 'kustomize-image',
      model: 'proxy',
      image: 'ghcr.io/acme/feature-proxy',
      value: '{digest}',
    },
    value: D5,
    reads: [null],
    spans: [{ line: 8, before: "'1.4.0'}", after: `'1.4.0', digest: ${D5}}` }],
  },
  {
    file: 'kustomization-production.yaml',
    target: {
      kind: 'kustomize-image',
      model: 'explainer',
      image: 'ghcr.io/acme/explainer',
      value: '{version}',
    },
    value: 'v1.0.0',
    reads: [null],
    spans: [{ line: 9, before: 'explainer\n', after: 'explainer\n  newTag: v1.0.0\n', editLine: 10 }],
  },
  {
    file: 'no-final-newline.yaml',
    target: {
      kind: 'kustomize-image',
      model: 'fraud',
      image: 'ghcr.io/acme/fraud-model',
      value: '{version}',
    },
    value: 'v5.1.0',
    reads: [null],
    spans: [{ line: 3, before: 'fraud', after: 'fraud\n    newTag: v5.1.0', editLine: 4 }],
  },
  // Workloads: Argo Rollout, CronJob, a List with a DaemonSet and a Job.
  {
    file: 'argo-rollout.yaml',
    target: { kind: 'image', model: 'fraud', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [
      { line: 25, before: "'ghcr.io/acme/fraud-model:v5.0.2'", after: "'ghcr.io/acme/fraud-model:v5.1.0'" },
    ],
  },
  {
    file: 'cronjob.yaml',
    target: { kind: 'image', model: 'fetcher', container: 'download-model', value: 'x' },
    value: 'registry.example.com:5000/tools/model-fetcher:2.0',
    reads: ['registry.example.com:5000/tools/model-fetcher'],
    spans: [{ line: 16, before: 'model-fetcher\n', after: 'model-fetcher:2.0\n' }],
  },
  {
    file: 'cronjob.yaml',
    target: { kind: 'image', model: 'fraud', value: 'registry.example.com:5000/acme/fraud-model:{version}' },
    value: 'registry.example.com:5000/acme/fraud-model:v5.1.0',
    reads: [`registry.example.com:5000/acme/fraud-model:v5.0.2@sha256:${'2'.repeat(64)}`],
    spans: [
      {
        line: 20,
        before: `registry.example.com:5000/acme/fraud-model:v5.0.2@sha256:${'2'.repeat(64)}`,
        after: 'registry.example.com:5000/acme/fraud-model:v5.1.0',
      },
    ],
  },
  {
    file: 'cronjob.yaml',
    target: {
      kind: 'yaml',
      model: 'fraud',
      path: 'spec.jobTemplate.spec.template.spec.initContainers[0].args[1]',
      value: '{uri}',
    },
    value: 's3://models/fraud/v5.1.0',
    reads: ['s3://models/fraud/v5.0.2'],
    spans: [{ line: 17, before: '"s3://models/fraud/v5.0.2"', after: '"s3://models/fraud/v5.1.0"' }],
  },
  {
    file: 'daemonset-list.yaml',
    target: { kind: 'image', model: 'fraud', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2', 'ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [
      { line: 13, before: 'ghcr.io/acme/fraud-model:v5.0.2', after: 'ghcr.io/acme/fraud-model:v5.1.0' },
      { line: 23, before: 'ghcr.io/acme/fraud-model:v5.0.2', after: 'ghcr.io/acme/fraud-model:v5.1.0' },
    ],
  },
  // Line endings, a BOM, trailing comments and spaces.
  {
    file: 'crlf-deployment.yaml',
    target: { kind: 'image', model: 'fraud', container: 'predictor', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [{ line: 11, before: 'fraud-model:v5.0.2 #', after: 'fraud-model:v5.1.0 #' }],
  },
  {
    file: 'crlf-deployment.yaml',
    target: {
      kind: 'yaml',
      model: 'fraud',
      path: 'spec.template.spec.containers[0].env[0].value',
      value: '{uri}',
    },
    value: 's3://models/fraud/v5.1.0',
    reads: ['s3://models/fraud/v5.0.2'],
    spans: [{ line: 14, before: 's3://models/fraud/v5.0.2\r\n', after: 's3://models/fraud/v5.1.0\r\n' }],
  },
  {
    file: 'bom-values.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'image.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 4, before: 'v5.0.2', after: 'v5.1.0' }],
  },
  {
    file: 'trailing-comments.yaml',
    target: { kind: 'image', model: 'fraud', container: 'predictor', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [{ line: 11, before: 'v5.0.2 # {"note"', after: 'v5.1.0 # {"note"' }],
  },
  {
    file: 'trailing-comments.yaml',
    target: { kind: 'image', model: 'exporter', value: 'ghcr.io/acme/exporter:{semver}' },
    value: 'ghcr.io/acme/exporter:2.2',
    reads: ['ghcr.io/acme/exporter:2.1'],
    spans: [
      { line: 16, before: '"ghcr.io/acme/exporter:2.1"   #', after: '"ghcr.io/acme/exporter:2.2"   #' },
    ],
  },
  {
    file: 'trailing-comments.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'spec.serviceName', value: '{name}' },
    value: 'fraud-v5',
    reads: ['fraud'],
    spans: [{ line: 6, before: 'fraud    #', after: 'fraud-v5    #' }],
  },
  {
    file: 'trailing-spaces.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 3, before: 'v5.0.2   \r\n', after: 'v5.1.0   \r\n' }],
  },
  {
    file: 'trailing-spaces.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.uri', value: '{uri}' },
    value: 's3://models/fraud/v5.1.0',
    reads: ['s3://models/fraud/v5.0.2'],
    spans: [{ line: 5, before: '"s3://models/fraud/v5.0.2"\t', after: '"s3://models/fraud/v5.1.0"\t' }],
  },
  // Flow maps and sequences: a scalar inside one is replaced in place.
  {
    file: 'flow-maps.yaml',
    target: { kind: 'image', model: 'fraud', container: 'predictor', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [
      { line: 5, before: '"ghcr.io/acme/fraud-model:v5.0.2"', after: '"ghcr.io/acme/fraud-model:v5.1.0"' },
    ],
  },
  {
    file: 'flow-maps.yaml',
    target: { kind: 'image', model: 'warmup', value: 'ghcr.io/acme/warmup:{semver}' },
    value: 'ghcr.io/acme/warmup:1.1',
    reads: ['ghcr.io/acme/warmup:1.0'],
    spans: [{ line: 7, before: 'warmup:1.0,', after: 'warmup:1.1,' }],
  },
  {
    file: 'flow-maps.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'metadata.labels.version', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 3, before: 'v5.0.2}}', after: 'v5.1.0}}' }],
  },
  {
    file: 'flow-maps.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.uri', value: '{uri}' },
    value: 's3://models/fraud/v5.1.0',
    reads: ['s3://models/fraud/v5.0.2'],
    spans: [{ line: 8, before: "'s3://models/fraud/v5.0.2'", after: "'s3://models/fraud/v5.1.0'" }],
  },
  {
    file: 'flow-maps.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.tags[1]', value: '{version}' },
    value: 'a, b',
    reads: ['v5.0.2'],
    spans: [{ line: 8, before: 'v5.0.2]', after: '"a, b"]' }],
  },
  // Quote styles.
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'plain.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 2, before: 'v5.0.2', after: 'v5.1.0' }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'single.tag', value: '{version}' },
    value: "it's",
    reads: ['v5.0.2'],
    spans: [{ line: 4, before: "'v5.0.2'", after: "'it''s'" }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'double.tag', value: '{version}' },
    value: 'say "hi"',
    reads: ['v5.0.2'],
    spans: [{ line: 6, before: '"v5.0.2"', after: '"say \\"hi\\""' }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'numeric.tag', value: '{semver}' },
    value: '1.21',
    reads: ['1.20'],
    spans: [{ line: 8, before: '1.20', after: '"1.21"' }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'escaped.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 10, before: '"v5\\u002E0.2"', after: '"v5.1.0"' }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'empty.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: [null],
    spans: [{ line: 12, before: 'tag:\n', after: 'tag: v5.1.0\n' }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'empty.other', value: '{version}' },
    value: 'v5.1.0',
    reads: [''],
    spans: [{ line: 13, before: '""', after: '"v5.1.0"' }],
  },
  {
    file: 'quoted-tags.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'nulls.tag', value: '{version}' },
    value: 'v5.1.0',
    reads: [null],
    spans: [{ line: 15, before: 'null', after: 'v5.1.0' }],
  },
  // Document markers.
  {
    file: 'end-markers.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'model.image', value: V },
    value: 'ghcr.io/acme/fraud-model:v5.1.0',
    reads: ['ghcr.io/acme/fraud-model:v5.0.2'],
    spans: [{ line: 5, before: 'fraud-model:v5.0.2\n...', after: 'fraud-model:v5.1.0\n...' }],
  },
  {
    file: 'end-markers.yaml',
    target: { kind: 'yaml', model: 'fraud', path: 'service.port', value: '{semver}' },
    value: '8081',
    reads: ['8080'],
    spans: [{ line: 10, before: '8080\n...', after: '"8081"\n...' }],
  },
  // Flux-style setter comments.
  {
    file: 'setters.yaml',
    target: { kind: 'setter', line: 10, model: 'fraud', part: 'tag' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 10, before: 'fraud-model:v5.0.2 #', after: 'fraud-model:v5.1.0 #' }],
  },
  {
    file: 'setters.yaml',
    target: { kind: 'setter', line: 13, model: 'fraud', part: 'value' },
    value: 'v5.1.0',
    reads: ['v5.0.2'],
    spans: [{ line: 13, before: '"v5.0.2" #{', after: '"v5.1.0" #{' }],
  },
  {
    file: 'setters.yaml',
    target: { kind: 'setter', line: 15, model: 'fraud', part: 'value' },
    value: 's3://models/fraud/v5.1.0',
    reads: ['s3://models/fraud/v5.0.2'],
    spans: [{ line: 15, before: "'s3://models/fraud/v5.0.2'", after: "'s3://models/fraud/v5.1.0'" }],
  },
  {
    file: 'setters.yaml',
    target: { kind: 'setter', line: 17, model: 'proxy', part: 'tag' },
    value: '1.2.0',
    reads: [null],
    spans: [{ line: 17, before: 'acme/proxy #', after: 'acme/proxy:1.2.0 #' }],
  },
];
