#!/usr/bin/env node
// The MCP CLI's bin is this committed file, not dist/cli.js: pnpm links every workspace bin at install time, before
// the first build, and a bin pointing into a missing dist/ makes it print "Failed to create bin" warnings.
import "../dist/cli.js";
