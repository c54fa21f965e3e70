export const LOGIN_JS_BUDGET: number;
export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
export function loginChunks(
  manifest: Record<string, ManifestChunk>,
  options?: { entry?: string; alsoLoaded?: string[] },
): string[];
export function loginBudget(dist: string): { files: string[]; raw: number; gzip: number; brotli: number };
