def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

def dockerfile = check.kitText('docker/Dockerfile')
assert dockerfile =~ /(?m)^FROM python:3\.12-slim$/ : 'hosting.pythonVersion picks the base image'
assert !dockerfile.contains('collectstatic') : 'no manage.py: not Django, nothing to collect'
assert dockerfile =~ /(?m)^EXPOSE 9000$/
assert dockerfile.contains("urlopen('http://127.0.0.1:9000/', timeout=2)") : 'the health probe uses the configured port'

['docker', 'host'].each { kit ->
    def conf = check.kitText("$kit/gunicorn.conf.py")
    assert conf.contains('wsgi_app = "web.app:application"') : "$kit: hosting.wsgiModule"
    assert conf.contains('workers = int(os.environ.get("WEB_CONCURRENCY", 4))') : "$kit: hosting.workers"
    assert conf.contains('Worker processes: WEB_CONCURRENCY wins, else 4 (hosting.workers).')
}
assert check.kitText('docker/gunicorn.conf.py').contains('bind = ["0.0.0.0:9000"]')
assert !check.kitText('host/install.sh').contains('collectstatic')
assert check.filesUnder(check.kit('docker/app')) - ['build.log', 'verify.groovy'] == ['requirements.txt', 'web/__init__.py', 'web/app.py'] as SortedSet
true
