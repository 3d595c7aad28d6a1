def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
def zips = evaluate(new File(basedir, '../../../src/it/env-attach/zips.groovy'))

assert check.invocations.size() == 3 && !check.log.contains('BUILD FAILURE') : 'the three builds should have run and passed'
def (lifecycle, commandLine, commandLineAttach) = check.invocations
def zipName = 'env-attach-single-1.0-hosting.zip'
assert lifecycle.contains("hosting: attached $zipName (classifier hosting)") :
        'in the lifecycle the kit should be attached with classifier hosting'
def installed = new File(localRepositoryPath, "dev/hostkit/it/env-attach-single/1.0/$zipName")
assert installed.isFile() : 'mvn install should have put the kit zip into the local repository'

assert commandLine =~ /generate \(default-cli\) @ env-attach-single/ : 'the second build should run the goal from the command line'
assert commandLine.contains('hosting: wrote ') : 'the command line goal should have rendered the kit'
assert !commandLine.contains('hosting: attached') : 'from the command line the goal should attach nothing by default'
// The second build started with clean, so had it written the zip, the third would find it unchanged.
assert commandLineAttach.contains("hosting: attached $zipName (classifier hosting)\n") :
        'with -Dhosting.attach=true the command line goal should attach, writing a zip the second build did not write'

// the same kit from the lifecycle and from the command line: the same bytes
assert check.file("target/$zipName").bytes == installed.bytes : 'the zip should be byte-identical across builds'
def names = zips.checkKitZip(installed, check.kitDir, check.kitFiles())
assert names.contains('docker/Dockerfile') && !names.any { it.startsWith('hosting/') } : 'the zip should hold the kit at its root'
