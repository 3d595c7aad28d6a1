def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

def dockerfile = check.kitText('docker/Dockerfile')
assert dockerfile =~ /(?m)^FROM python:3\.11-slim$/ : 'the python runtime should be detected, with the default Python 3.11'
assert dockerfile.contains('RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput') : 'a Django project collects its static files'
assert dockerfile =~ /(?m)^EXPOSE 8000$/ : 'the python default port is 8000'

def container = check.kitText('docker/gunicorn.conf.py')
assert container.contains('wsgi_app = "mysite.wsgi:application"') : 'the WSGI callable is guessed from manage.py'
assert container.contains('bind = ["0.0.0.0:8000"]')
assert container.contains('workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))')
def host = check.kitText('host/gunicorn.conf.py')
assert host.contains('bind = ["unix:/run/python-zero-config/gunicorn.sock"]') : 'on a machine gunicorn binds a unix socket'
def unit = check.kitText('host/systemd/python-zero-config.service')
assert unit.contains('Type=notify') && unit.contains('ExecStart=/opt/python-zero-config/current/venv/bin/gunicorn --config /opt/python-zero-config/current/gunicorn.conf.py')
assert check.kitText('host/nginx/python-zero-config.conf').contains('server unix:/run/python-zero-config/gunicorn.sock ')
def compose = check.kitText('compose/compose.yaml')
assert compose.contains('- static:/app/staticfiles') && compose.contains('- static:/srv/static:ro') : 'the static volume'

// the invoker's own files (build.log, the hook scripts) sit in the project folder too, and ship like any other
def invokerFiles = ['build.log', 'prebuild.groovy', 'verify.groovy']
def app = check.filesUnder(check.kit('docker/app')) - invokerFiles
assert app == ['manage.py', 'mysite/__init__.py', 'mysite/settings.py', 'mysite/wsgi.py', 'requirements.txt'] as SortedSet :
        "docker/app should hold the app's sources only (no pom.xml, target, .venv, caches or .env): $app"
assert check.filesUnder(check.kit('host/app')) - invokerFiles == app
assert !check.kitFiles().any { it.endsWith('.jar') } : 'no jar in a python kit'

def listed = check.checkManifest()
assert listed == check.kitFiles() - '.hostkit-manifest' : "the manifest should list every generated file: $listed"
