// solc-js ships no type declarations; we use only its standard-JSON entry point.
declare module 'solc' {
  const solc: { compile(input: string): string; version(): string };
  export default solc;
}
