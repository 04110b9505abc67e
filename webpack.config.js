// Webpack build of the Excel add-in: task pane, ribbon function commands, manifest.
//   npm start      -> webpack serve --mode development: https://localhost:3000
//                     (taskpane.html, also at /; commands.html; message.html; manifest.xml)
//   npm run build  -> webpack --mode production: dist/
//   ADDIN_URL=https://example.org/capaian npm run build
//                  -> the same, with every https://localhost:3000 of dist/manifest.xml replaced by ADDIN_URL
//                     (without ADDIN_URL, dist/manifest.xml is manifest.xml unchanged)
// The icons in assets/ (drawn by assets/make-icons.js) are emitted as dist/assets/icon-*.png (the URLs manifest.xml names).
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { ICON_FILES } = require('./assets/make-icons.js');
const { manifestForBuild, normalizeAddinUrl } = require('./src/commands/manifest-url.js');

const PORT = 3000;

/** Emits files of assets/ unchanged under the same names (copy-webpack-plugin is not a dependency). */
class CopyAssetsPlugin {
  /** @param {{ from: string, files: string[], to: string }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyAssetsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of this.options.files) {
            const source = path.join(this.options.from, file);
            // Watched, so the dev server picks up icons drawn again (node assets/make-icons.js).
            compilation.fileDependencies.add(source);
            let content;
            try {
              content = fs.readFileSync(source);
            } catch (err) {
              const error = new compiler.webpack.WebpackError(
                `CopyAssetsPlugin: cannot read ${path.relative(compiler.context, source)} (${err.code || err.message}); run "node assets/make-icons.js"`,
              );
              compilation.errors.push(error);
              continue;
            }
            compilation.emitAsset(path.posix.join(this.options.to, file), new sources.RawSource(content));
          }
        },
      );
    });
  }
}

/** Emits manifest.xml as dist/manifest.xml, rewritten for ADDIN_URL when it is set (src/commands/manifest-url.js). */
class ManifestPlugin {
  /** @param {{ source: string, addinUrl: string | undefined }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ManifestPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { source, addinUrl } = this.options;
        compilation.fileDependencies.add(source);
        let xml;
        try {
          xml = fs.readFileSync(source, 'utf8');
        } catch (err) {
          compilation.errors.push(new compiler.webpack.WebpackError(`ManifestPlugin: cannot read ${path.relative(compiler.context, source)} (${err.code || err.message})`));
          return;
        }
        compilation.emitAsset('manifest.xml', new sources.RawSource(manifestForBuild(xml, addinUrl)));
      });
    });
  }
}

/** The certificate of office-addin-dev-certs when it exists (trusted by Office once installed), else none. */
function devCertificate() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  const ca = path.join(dir, 'ca.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) return null;
  const options = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return { options, dir };
}

/**
 * Emits seed.xlsx, the workbook the preview opens by default: the seed's four quarterly tables,
 * built by the same script as the test fixtures (tests/fixtures/build-fixtures.ts).
 */
class SeedWorkbookPlugin {
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SeedWorkbookPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'SeedWorkbookPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const dir = path.join(__dirname, 'tests', 'fixtures');
          compilation.fileDependencies.add(path.join(dir, 'seed-data.ts'));
          compilation.fileDependencies.add(path.join(dir, 'build-fixtures.ts'));
          require('tsx/cjs/api').register();
          const { buildFixture } = require('./tests/fixtures/build-fixtures.ts');
          const wb = await buildFixture('seed');
          const buf = Buffer.from(await wb.xlsx.writeBuffer());
          compilation.emitAsset('seed.xlsx', new sources.RawSource(buf));
        },
      );
    });
  }
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  const buildId = Date.now().toString(36);
  // Checked before anything is built: an http or malformed ADDIN_URL fails the build with one clear line.
  const addinUrl = process.env.ADDIN_URL && process.env.ADDIN_URL.trim() ? normalizeAddinUrl(process.env.ADDIN_URL) : undefined;
  const page = (filename, template, chunk) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks: [chunk],
      scriptLoading: 'defer',
    });

  /** @type {import('webpack').Configuration & { devServer?: import('webpack-dev-server').Configuration }} */
  const config = {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/taskpane.tsx',
      // The preview page: Capaian without Excel, over an in-memory Excel API.
      preview: './src/preview/preview.tsx',
      // FunctionFile of the ribbon buttons, and the dialog it opens to say what "Hitung Ulang Capaian" did.
      commands: './src/commands/commands.ts',
      message: './src/commands/message.ts',
      // The engine's Web Worker, started by the pane (src/addin/engine-client.ts) under this fixed name.
      'engine-worker': './src/addin/engine-worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // The worker keeps a fixed name (the pane names it); a build id in its URL stops a cached old one.
      filename: (pathData) => (dev || pathData.chunk?.name === 'engine-worker' ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: dev ? '[id].js' : '[id].[contenthash:8].js',
      clean: true,
    },
    // No eval() source maps: the page's Content-Security-Policy does not allow eval.
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type errors of files the bundle does not use (tests, CLI) do not fail the build.
              onlyCompileBundledFiles: true,
              compilerOptions: { module: 'es2020', sourceMap: dev, noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      new DefinePlugin({ __CAPAIAN_BUILD__: JSON.stringify(buildId) }),
      // The manifest's SourceLocation is taskpane.html; "/" is the preview page.
      page('taskpane.html', './src/taskpane/index.html', 'taskpane'),
      page('preview.html', './src/preview/preview.html', 'preview'),
      page('index.html', './src/preview/preview.html', 'preview'),
      new SeedWorkbookPlugin(),
      // office.js (a plain <script> in the templates) runs before these deferred bundles.
      page('commands.html', './src/commands/commands.html', 'commands'),
      page('message.html', './src/commands/message.html', 'message'),
      new CopyAssetsPlugin({ from: path.join(__dirname, 'assets'), files: ICON_FILES, to: 'assets' }),
      new ManifestPlugin({ source: path.join(__dirname, 'manifest.xml'), addinUrl }),
    ],
    performance: { hints: false },
  };

  if (dev) {
    const certificate = devCertificate();
    config.devServer = {
      port: PORT,
      host: 'localhost',
      server: certificate ? { type: 'https', options: certificate.options } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      open: false,
      onListening(server) {
        const port = server.server.address().port;
        const how = certificate
          ? `certificate of office-addin-dev-certs (${certificate.dir})`
          : 'self-signed certificate of webpack-dev-server (not trusted by Office: run "npx office-addin-dev-certs install")';
        process.stdout.write(
          `\nCapaian preview (no Excel needed): https://localhost:${port}/  (also /preview.html)\n` +
            `Capaian task pane: https://localhost:${port}/taskpane.html\n` +
            `Ribbon commands:   https://localhost:${port}/commands.html\n` +
            `Manifest:          https://localhost:${port}/manifest.xml\n` +
            `HTTPS: ${how}\n\n`,
        );
      },
    };
  }
  return config;
};
