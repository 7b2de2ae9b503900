// Checks of stats.mjs on inputs whose answer is known, run by every bench run (quick mode counts them as tests): the
// interval printed beside each per-call ratio is only worth reading if it behaves on these.
import { ratioInterval } from "./stats.mjs";

const close = (a, b) => Math.abs(a - b) < 1e-9;

/** Each check as a bench test: `{ name, passed, detail }`. */
export function statsChecks() {
  const checks = [];
  const check = (name, passed, detail) => checks.push({ name: `stats: ${name}`, passed, detail });

  const constant = ratioInterval([2, 2, 2, 2, 2], [1, 1, 1, 1, 1]);
  check("a ratio without noise has an interval of one point", close(constant[0], 2) && close(constant[1], 2), `got ${constant}`);

  const spread = [0.9, 0.95, 1, 1.05, 1.1];
  const same = ratioInterval(spread, spread);
  check("one sample against itself: the interval holds 1 and has width", same[0] < 1 && same[1] > 1, `got ${same}`);
  const again = ratioInterval(spread, spread);
  check("the same figures give the same interval (seeded)", close(same[0], again[0]) && close(same[1], again[1]), `${same} then ${again}`);

  const apart = ratioInterval([1.9, 1.95, 2, 2.05, 2.1], spread);
  check(
    "two samples far apart: the interval excludes 1 and holds the true 2",
    apart[0] > 1.5 && apart[0] <= 2 && apart[1] >= 2,
    `got ${apart}`,
  );

  const wide = ratioInterval([0.6, 0.8, 1, 1.2, 1.4], spread);
  check("more spread, a wider interval", wide[1] - wide[0] > same[1] - same[0], `${wide} against ${same}`);

  check("no figures, no interval", ratioInterval([], spread) === undefined, "expected undefined");
  return checks;
}
