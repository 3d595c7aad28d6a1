// What must not reach the kit, made here because git does not keep it: a virtual environment,
// bytecode caches and an env file with a secret.
['.venv/bin/python', 'mysite/__pycache__/settings.cpython-311.pyc', '.env'].each { path ->
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.text = 'SECRET=must-not-ship\n'
}
true
