import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { loadRoutes } from './routes'

/** The backend the h5 dev server proxies /api to (the local stack). */
const apiTarget = process.env.LINLI_API_URL || 'http://127.0.0.1:3000'

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const taroEnv = process.env.TARO_ENV || 'h5'
  const shared = path.resolve(__dirname, '../../shared')
  const routes = loadRoutes()

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2025-11-26',
    // NutUI is drawn at 375; our own styles at 750 (rpx-like px in the source)
    designWidth(input?: unknown) {
      const file = (input as { file?: string } | undefined)?.file
      return file && file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // npm start's dev server writes elsewhere (LINLI_OUTPUT_ROOT), so its clean and rebuild never pull dist/h5 from
    // under a browser test running beside it
    outputRoot: process.env.LINLI_OUTPUT_ROOT || `dist/${taroEnv}`,
    plugins: [],
    alias: {
      '@shared': shared,
      '@': path.resolve(__dirname, '../src'),
    },
    defineConstants: {
      LINLI_ROUTES: JSON.stringify(routes),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // shared/ lives outside src: compile its TypeScript too (subpackages validate forms with its zod schemas)
      compile: { include: [shared] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      // WeChat's code-quality checks want the uploaded WXML compressed; Taro writes it so itself (scripts/weappChecks.ts)
      minifyXML: { collapseWhitespace: true },
      webpackChain(chain) {
        // terser's default moves licence comments to *.LICENSE.txt files beside the bundles: files no page loads, in the
        // package all the same. Production builds only (the minimizer exists only there).
        const minimizers = (chain.optimization as unknown as { minimizers: { has(name: string): boolean } }).minimizers
        if (minimizers.has('terserPlugin')) {
          chain.optimization.minimizer('terserPlugin').tap((args: Array<Record<string, unknown>>) => [{ ...args[0], extractComments: false }])
        }
      },
    },
    h5: {
      // relative in the static build (served from any folder); absolute for the dev server
      publicPath: process.env.NODE_ENV === 'development' ? '/' : './',
      staticDirectory: 'static',
      compile: { include: [shared] },
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        port: Number(process.env.LINLI_H5_PORT) || 10086,
        // this machine only; LINLI_H5_HOST=0.0.0.0 opens it to a phone on the same network
        host: process.env.LINLI_H5_HOST || '127.0.0.1',
        allowedHosts: process.env.LINLI_H5_HOST ? 'all' : 'auto',
        proxy: {
          // the backend's routes have no /api prefix (shared/api.ts paths start at /)
          '/api': { target: apiTarget, changeOrigin: true, pathRewrite: { '^/api': '' } },
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development' || mode === 'development') {
    return merge({}, baseConfig, { logger: { quiet: false, stats: true } })
  }
  return merge({}, baseConfig, {})
})
