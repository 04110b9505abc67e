// Webpack build of the Excel task pane.
//   npm start      -> webpack serve --mode development: https://localhost:3000 (taskpane.html, also at /)
//   npm run build  -> webpack --mode production: dist/
// The icons in assets/ are emitted as dist/assets/icon-*.png (the URLs manifest.xml names).
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const PORT = 3000;
const ICONS = ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png'];

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

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  const html = (filename) =>
    new HtmlWebpackPlugin({
      filename,
      template: './src/taskpane/index.html',
      chunks: ['taskpane'],
      scriptLoading: 'defer',
    });

  /** @type {import('webpack').Configuration & { devServer?: import('webpack-dev-server').Configuration }} */
  const config = {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    entry: { taskpane: './src/taskpane/taskpane.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
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
      // The manifest's SourceLocation is taskpane.html; index.html serves the same page at "/".
      html('taskpane.html'),
      html('index.html'),
      new CopyAssetsPlugin({ from: path.join(__dirname, 'assets'), files: ICONS, to: 'assets' }),
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
          `\nCapaian task pane: https://localhost:${port}/taskpane.html\n` +
            `                   https://localhost:${port}/\n` +
            `HTTPS: ${how}\n\n`,
        );
      },
    };
  }
  return config;
};
