// The login page's texts of one language (a Vite plugin in vite.config.ts).
declare module 'virtual:login-texts/*' {
  const texts: Record<string, unknown>;
  export default texts;
}
