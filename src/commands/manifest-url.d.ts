// Types of manifest-url.js (plain CommonJS, required by webpack.config.js).

/** The origin of the development server, as written in manifest.xml: "https://localhost:3000". */
export const DEV_ORIGIN: string;

/** Checks and normalises a hosting URL (https, no query/fragment/credentials, no trailing slash); throws otherwise. */
export function normalizeAddinUrl(addinUrl: string): string;

/** The manifest with every https://localhost:3000 replaced by the hosting URL (an AppDomain gets its origin only). */
export function rewriteManifestUrls(xml: string, addinUrl: string): string;

/** dist/manifest.xml: unchanged without ADDIN_URL (undefined or blank), rewritten with it. */
export function manifestForBuild(xml: string, addinUrl: string | undefined): string;
