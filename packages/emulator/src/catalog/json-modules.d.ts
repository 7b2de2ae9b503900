// The generated catalog is several MB: typing it from its contents would slow every type check.
declare module "*.json" {
  const value: unknown;
  export default value;
}
