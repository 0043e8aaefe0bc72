import { formatVersionTagMessage } from '../../core/registry/version-tag-message.js';
import { gtoMessage, RegistryRepo } from './registry-repo.js';

/**
 * A model repository whose registry holds fraud v4.0.0 (deregistered), v5.0.2 and v5.1.0 (registered
 * by Modelship, with their artifacts) and v5.2.0 (registered by GTO: no record, so no {uri}).
 */
export function modelRepository(): RegistryRepo {
  const repo = RegistryRepo.create('modelship-model-', 4);
  const [c0, c1, c2, c3] = repo.commits as [string, string, string, string];
  const record = (version: string, commit: string, hex: string) =>
    formatVersionTagMessage({
      schema: 'modelship/version@1',
      model: 'fraud',
      version,
      commit,
      artifacts: [
        {
          name: 'model.onnx',
          uri: `s3://models/fraud/${version}/model.onnx`,
          sha256: hex.repeat(64),
          size: 1234,
        },
      ],
      metrics: { roc_auc: 0.91 },
    });
  repo.tag('fraud@v4.0.0', c0, record('v4.0.0', c0, 'd'));
  repo.tag('fraud@v5.0.2', c1, record('v5.0.2', c1, 'a'));
  repo.tag('fraud@v5.1.0', c2, record('v5.1.0', c2, 'b'));
  repo.tag('fraud@v5.2.0', c3, gtoMessage.register('fraud', 'v5.2.0'));
  repo.tag('fraud@v4.0.0!', c0, gtoMessage.deregister('fraud', 'v4.0.0'));
  return repo;
}

export const OPS_CONFIG = `version: 1
environments:
  staging:
    targets:
      - file: apps/fraud/staging/deployment.yaml
        kind: image
        container: predictor
        model: fraud
        value: "ghcr.io/acme/fraud-model:{version}"
      - file: apps/fraud/staging/inference.yaml
        kind: kserve
        model: fraud
        value: "{uri}"
      - file: charts/fraud/values-staging.yaml
        kind: yaml
        path: model.image.tag
        model: fraud
        value: "{semver}"
      - file: overlays/staging/kustomization.yaml
        kind: kustomize-image
        image: ghcr.io/acme/fraud-model
        model: fraud
        value: "{version}"
  production:
    after: staging
    mode: pull-request
    targets:
      - file: apps/fraud/production/deployment.yaml
        kind: image
        model: fraud
        value: "ghcr.io/acme/fraud-model:{version}"
  canary:
    files: ["apps/canary/*.yaml"]
`;

const DEPLOYMENT = (tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fraud
spec:
  template:
    spec:
      containers:
        - name: predictor
          image: ghcr.io/acme/fraud-model:${tag} # pinned by modelship

          ports:
            - containerPort: 8080
        - name: sidecar
          image: envoyproxy/envoy:v1.29.0
`;

/** The ops repository's files: staging runs v5.0.2 everywhere; production and canary too. */
export const OPS_FILES: Record<string, string> = {
  '.github/modelship.yml': OPS_CONFIG,
  'apps/fraud/staging/deployment.yaml': DEPLOYMENT('v5.0.2'),
  'apps/fraud/staging/inference.yaml': `apiVersion: serving.kserve.io/v1beta1\r
kind: InferenceService\r
metadata:\r
  name: fraud\r
spec:\r
  predictor:\r
    model:\r
      modelFormat:\r
        name: onnx\r
      storageUri: "s3://models/fraud/v5.0.2/model.onnx"  # the artifact\r
`,
  'charts/fraud/values-staging.yaml': `\uFEFFmodel:
  image:
    repository: ghcr.io/acme/fraud-model
    tag: "5.0.2"   # the chart's tag
  replicas: 2
`,
  'overlays/staging/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
  - name: ghcr.io/acme/fraud-model
    newTag: v5.0.2
`,
  'apps/fraud/production/deployment.yaml': DEPLOYMENT('v5.0.2'),
  'apps/canary/deploy.yaml': `---
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: predictor
          image: ghcr.io/acme/fraud-model:v5.0.2 # {"$modelship": "fraud:tag"}
`,
  'README.md': '# ops\n',
};

/** The files after promoting v5.1.0 to staging: only the values' bytes differ. */
export const STAGING_AFTER: Record<string, string> = {
  'apps/fraud/staging/deployment.yaml': DEPLOYMENT('v5.1.0'),
  'apps/fraud/staging/inference.yaml': OPS_FILES['apps/fraud/staging/inference.yaml']!.replace(
    's3://models/fraud/v5.0.2/model.onnx',
    's3://models/fraud/v5.1.0/model.onnx',
  ),
  'charts/fraud/values-staging.yaml': OPS_FILES['charts/fraud/values-staging.yaml']!.replace(
    '"5.0.2"',
    '"5.1.0"',
  ),
  'overlays/staging/kustomization.yaml': OPS_FILES['overlays/staging/kustomization.yaml']!.replace(
    'newTag: v5.0.2',
    'newTag: v5.1.0',
  ),
};
