// Word lists for generated records. Plausible, neutral and short: enough variety that a page of records reads like
// real data in the playground and the docs, small enough to stay out of the emulator's bundle budget.

export const FIRST_NAMES = [
  "Ada",
  "Grace",
  "Alan",
  "Linus",
  "Margaret",
  "Ken",
  "Barbara",
  "Dennis",
  "Frances",
  "Edsger",
  "Katherine",
  "John",
  "Radia",
  "Tim",
  "Hedy",
  "Donald",
];
export const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Torvalds",
  "Hamilton",
  "Thompson",
  "Liskov",
  "Ritchie",
  "Allen",
  "Dijkstra",
  "Johnson",
  "McCarthy",
  "Perlman",
  "Berners-Lee",
  "Lamarr",
  "Knuth",
];
export const COMPANIES = [
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella Labs",
  "Stark Industries",
  "Wayne Enterprises",
  "Hooli",
  "Vandelay Industries",
  "Soylent Co",
  "Cyberdyne Systems",
];
export const JOB_TITLES = ["Engineer", "Product Manager", "Designer", "Account Executive", "Support Lead", "CTO", "Data Analyst"];
export const WORDS = [
  "alpha",
  "bravo",
  "delta",
  "echo",
  "harbor",
  "lumen",
  "nova",
  "orbit",
  "pixel",
  "quartz",
  "river",
  "summit",
  "tango",
  "vector",
  "willow",
  "zephyr",
];
export const TITLES = [
  "Fix login redirect loop",
  "Add CSV export to reports",
  "Update onboarding checklist",
  "Invoice totals off by one cent",
  "Improve search relevance",
  "Dark mode for the dashboard",
  "Rotate API keys quarterly",
  "Migrate billing to the new plan",
  "Slow page load on mobile",
  "Quarterly business review",
  "Renewal discussion",
  "Customer onboarding call",
];
export const SENTENCES = [
  "Steps to reproduce are in the attached notes.",
  "The customer asked for an update by the end of the week.",
  "This blocks the next release.",
  "We agreed to follow up after the demo.",
  "Numbers were checked against last month's report.",
  "Works on desktop; fails on the mobile app.",
  "Please review and approve before Friday.",
  "Discussed pricing and the rollout timeline.",
];
export const CITIES = ["San Francisco", "New York", "Austin", "Seattle", "London", "Berlin", "Paris", "Toronto", "Sydney", "Lisbon"];
export const US_STATES = ["CA", "NY", "TX", "WA", "MA", "IL", "CO", "OR", "FL", "GA"];
export const COUNTRIES = ["US", "GB", "DE", "FR", "CA", "AU", "PT", "NL"];
export const COUNTRY_NAMES = ["United States", "United Kingdom", "Germany", "France", "Canada", "Australia", "Portugal", "Netherlands"];
export const STREETS = ["Market Street", "Main Street", "Mission Street", "Broadway", "High Street", "Elm Street", "Harbor Way"];
export const CURRENCIES = ["usd", "eur", "gbp", "cad", "aud"];
export const TIMEZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo", "UTC"];
export const LANGUAGES = ["en", "en-US", "fr", "de", "es", "pt-BR"];
export const MIME_TYPES = ["application/pdf", "image/png", "text/plain", "text/csv", "application/json", "image/jpeg"];
export const EXTENSIONS = ["pdf", "png", "txt", "csv", "json", "jpg"];
export const KINDS = ["standard", "custom", "default", "internal", "external"];
export const PRIORITIES = ["low", "normal", "high", "urgent"];
export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];
export const DIRECTIONS = ["inbound", "outbound"];
export const WORKFLOW_STEPS = ["Backlog", "Todo", "In Progress", "In Review", "Done", "Canceled"];
