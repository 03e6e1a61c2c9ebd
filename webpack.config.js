/* Builds the add-in (task pane, ribbon command file) like a yo office project:
 *   npm run build       production build into dist/ (taskpane.html, commands.html, assets, manifest.xml)
 *   npm run dev-server  https://localhost:3000 with office-addin-dev-certs' certificate
 *   webpack --env harness   the test page used by the browser test (task pane + test host), into dist/harness
 * LUOSHI_URL=https://your.server/path/ rewrites the manifest's localhost URLs in a production build. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ProvidePlugin } = require('webpack');

const DEV_URL = 'https://localhost:3000/';

async function httpsOptions() {
  // Loaded only for the dev server: it creates and trusts a localhost certificate on first use.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

/* The package code (src/xlsx), which 分发 and 合并反馈 run in the pane, uses Node's Buffer, zlib and fs:
 * Buffer comes from the `buffer` package, zlib from pako (src/addin/zlib-browser.ts), and fs is never
 * reached there (it reads files from disk for the CLI only). webpack 5 no longer does this by itself:
 * https://webpack.js.org/configuration/resolve/#resolvefallback. */
const nodeShims = {
  resolve: {
    extensions: ['.ts', '.tsx', '.js'],
    fallback: {
      buffer: require.resolve('buffer/'),
      zlib: path.resolve(__dirname, 'src/addin/zlib-browser.ts'),
      fs: false,
    },
  },
  plugin: () => new ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
};

const tsRule = (dev) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    // Type checking is `npm test`'s job (tsc); ES modules here let webpack tree-shake Fluent UI.
    options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: dev, noUnusedLocals: false } },
  },
});

function addinConfig(dev, publicUrl) {
  return {
    name: 'addin',
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/addin/taskpane/index.tsx',
      commands: './src/addin/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/ also holds the CLI's compiled TypeScript (dist/src, dist/test …): only the add-in's files are replaced.
      clean: { keep: /^(src|test|bench|scripts|harness)[\\/]/ },
    },
    resolve: nodeShims.resolve,
    module: { rules: [tsRule(dev)] },
    performance: { hints: false },
    plugins: [
      nodeShims.plugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/addin/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/addin/commands/message.html', to: 'message.html' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              dev || !publicUrl
                ? content
                : content
                    .toString()
                    .split(DEV_URL)
                    .join(publicUrl)
                    .split(DEV_URL.slice(0, -1))
                    .join(publicUrl.replace(/\/$/, '')),
          },
        ],
      }),
    ],
  };
}

function harnessConfig() {
  return {
    name: 'harness',
    mode: 'production',
    devtool: false,
    entry: { harness: './test/browser/harness.tsx' },
    output: { path: path.resolve(__dirname, 'dist/harness'), filename: '[name].js', clean: true },
    resolve: nodeShims.resolve,
    module: { rules: [tsRule(false)] },
    performance: { hints: false },
    plugins: [
      nodeShims.plugin(),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './test/browser/harness.html' }),
    ],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  if (env.harness) return harnessConfig();
  const config = addinConfig(dev, process.env.LUOSHI_URL);
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      static: false,
    };
  }
  return config;
};
module.exports.addinConfig = addinConfig;
module.exports.harnessConfig = harnessConfig;
