export const MAIN_HELP = `Crate Studio: create, edit, resolve and build Rust packages

Usage: crate-studio <COMMAND> [OPTIONS]

Commands:
    new          Create a new Rust package
    build        Compile the current package
    run          Run a binary of the local package
    test         Run the tests
    bench        Run the benchmarks
    clean        Remove the target directory
    add          Add dependencies to a manifest file
    remove       Remove dependencies from a manifest file
    set-version  Change the package's version
    generate-lockfile  Generate Cargo.lock for the package
    update       Update dependencies as recorded in Cargo.lock
    fetch        Fetch dependencies from the network
    metadata     Output the resolved dependencies as JSON (cargo metadata)
    tree         Display the dependency tree (cargo tree)
    web          Open the app's UI in a browser (no Electron needed)
    doctor       Report the Rust toolchain, git and the folders in use
    daemon       Show or stop the build server that keeps repeated builds fast
    help         Print help for a command

Options:
  -V, --version     Print version info and exit
  -h, --help        Print help

See 'crate-studio help <command>' for more information on a specific command.
`
