// fontverter ships no types; this is the one call the build and its tests use.
declare module 'fontverter' {
  type FontFormat = 'sfnt' | 'truetype' | 'woff' | 'woff2';
  const fontverter: {
    convert(font: Buffer | Uint8Array, to: FontFormat, from?: FontFormat): Promise<Buffer>;
    detectFormat(font: Buffer | Uint8Array): FontFormat;
  };
  export default fontverter;
}
