/** Build-time code generation: `build()` for scripts and bundler plugins, `watchBuild()`, and the configuration. */
export { build, type BuildOptions, type BuildOutput, type BuildProblem, type BuildResult, type CompanionContext, type CompanionGenerator, type OutputErrorKind, type OutputStatus } from "./build.js";
export { defineConfig, BUILD_CONFIG_SCHEMA, type BuildConfig, type CompanionsConfig, type MachineEntry, type SubstitutionValue } from "./config.js";
export { nodeFs, type BuildFs } from "./fs.js";
export { findConfigFile, loadConfigFile, resolveConfig, CONFIG_FILES, PACKAGE_KEY, type ConfigFailure, type ConfigLoad, type LoadedConfig } from "./load-config.js";
export { BuildInputError, type InputErrorKind, type LoadedMachine, type LoadMachines } from "./machines.js";
export { loadTemplateMachines, machinesOf, type InputMachines } from "./template-machines.js";
export { validateConfig, type ConfigCheck, type ConfigError } from "./validate-config.js";
export { watchBuild, type WatchEvent, type WatchOptions } from "./watch.js";
