#!/usr/bin/env node
import { hideBin } from "yargs/helpers";
import { main } from "./main.js";

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `asl2durable: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this, with the input that caused it.\n`,
    );
    process.exitCode = 70;
  },
);
