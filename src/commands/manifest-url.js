// Rewrites the development manifest for a real hosting URL (used by webpack.config.js, tested by tests/manifest).
//   ADDIN_URL=https://example.org/capaian npm run build
//   -> dist/manifest.xml with every https://localhost:3000 replaced by https://example.org/capaian
// Plain CommonJS without dependencies: webpack.config.js requires it as is.
'use strict';

/** The origin of the development server, as written in manifest.xml. */
const DEV_ORIGIN = 'https://localhost:3000';

/** DEV_ORIGIN, not followed by another digit of a port (https://localhost:30001 is something else). */
const DEV_ORIGIN_RE = /https:\/\/localhost:3000(?![0-9])/g;

/**
 * Checks and normalises a hosting URL: https only (Office loads nothing else), no query or fragment,
 * no trailing slash ("https://example.org/capaian/" -> "https://example.org/capaian").
 * @param {string} addinUrl
 * @returns {string}
 */
function normalizeAddinUrl(addinUrl) {
  const raw = String(addinUrl ?? '').trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${raw}" (expected e.g. https://example.org/capaian)`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must use https (Office add-ins load only https pages): "${raw}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or a fragment: "${raw}"`);
  if (url.username || url.password) throw new Error(`ADDIN_URL must not contain credentials: "${raw}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The manifest with every DEV_ORIGIN replaced by the hosting URL. An <AppDomain> gets only the origin
 * (the docs: a domain, no path, no closing slash).
 * @param {string} xml the development manifest
 * @param {string} addinUrl e.g. "https://example.org/capaian" (a trailing slash is fine)
 * @returns {string}
 */
function rewriteManifestUrls(xml, addinUrl) {
  const base = normalizeAddinUrl(addinUrl);
  const origin = new URL(base).origin;
  return xml
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000(?![0-9])\/?(\s*<\/AppDomain>)/g, (_m, open, close) => `${open}${origin}${close}`)
    .replace(DEV_ORIGIN_RE, base);
}

/**
 * What the build writes to dist/manifest.xml: the manifest unchanged without ADDIN_URL, rewritten with it.
 * @param {string} xml
 * @param {string | undefined} addinUrl the ADDIN_URL environment variable (blank = unset)
 * @returns {string}
 */
function manifestForBuild(xml, addinUrl) {
  return addinUrl && addinUrl.trim() ? rewriteManifestUrls(xml, addinUrl) : xml;
}

module.exports = { DEV_ORIGIN, normalizeAddinUrl, rewriteManifestUrls, manifestForBuild };
