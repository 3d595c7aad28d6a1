def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

def manifests = ['namespace', 'serviceaccount', 'configmap', 'deployment', 'service', 'ingress', 'hpa', 'pdb', 'networkpolicy']
(manifests + 'kustomization').each { name ->
    assert check.kit("kubernetes/${name}.yaml").isFile() : "target/hosting/kubernetes/${name}.yaml should have been generated"
}
['docker', 'compose', 'host'].each { folder ->
    assert !check.kit(folder).exists() : "only the named target should be rendered, but there is $folder/"
}

def kustomization = check.kitText('kubernetes/kustomization.yaml')
manifests.each { name -> assert kustomization.contains("  - ${name}.yaml\n") : "kustomization.yaml should list ${name}.yaml" }
assert kustomization.contains('namespace: "kubernetes-zero-config"') : 'the namespace should default to the app name'

def deployment = check.kitText('kubernetes/deployment.yaml')
assert deployment.contains('image: "kubernetes-zero-config:1.0"') : 'the image should be tagged with the project version'
assert !(deployment =~ /(?m)^  replicas:/) : 'the HorizontalPodAutoscaler owns the replicas'
assert deployment.contains('containerPort: 8080') : 'the plain jar listens on 8080'
assert deployment.contains('runAsNonRoot: true') && deployment.contains('readOnlyRootFilesystem: true')
assert deployment.contains('memory: "512Mi"') : 'the default memory request and limit'
assert check.kitText('kubernetes/hpa.yaml').contains('minReplicas: 2') : 'at least two pods'
assert check.kitText('kubernetes/ingress.yaml').contains('ingressClassName: "nginx"')

def listed = check.checkManifest()
assert listed == check.kitFiles() - '.hostkit-manifest' : "the manifest should list every generated file: $listed"
