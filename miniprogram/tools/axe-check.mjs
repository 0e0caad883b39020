// Smoke + accessibility check of the h5 build against a mocked API: opens every page in normal and elder mode,
// runs axe-core and prints serious/critical violations. Usage: node miniprogram/tools/axe-check.mjs [--shots DIR]
// (needs `chromium` on the PATH: apt-get install -y chromium). The lead's e2e tests run against the real stack.
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { execSync } from 'node:child_process'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist/h5')
const shotsDir = process.argv.includes('--shots') ? process.argv[process.argv.indexOf('--shots') + 1] : undefined
const only = process.env.ONLY

const server = http.createServer((req, res) => {
  const p = path.join(root, decodeURIComponent(req.url.split('?')[0]))
  const file = fs.existsSync(p) && fs.statSync(p).isFile() ? p : path.join(root, 'index.html')
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html'
  res.writeHead(200, { 'content-type': type })
  fs.createReadStream(file).pipe(res)
})
await new Promise((r) => server.listen(0, r))
const base = process.env.AXE_BASE || `http://127.0.0.1:${server.address().port}/`

const now = new Date()
const iso = (d) => new Date(now.getTime() + d * 86400_000).toISOString()
const grants = [
  { role: 'resident', unitId: 'c-heping', unitPath: ['sd-xx', 'c-heping'], unitName: '和平社区' },
  { role: 'communityWorker', unitId: 'c-heping', unitPath: ['sd-xx', 'c-heping'], unitName: '和平社区' },
  { role: 'admin', unitId: 'sd-xx', unitPath: ['sd-xx'], unitName: '幸福街道' },
]
const me = { id: 'u1', displayName: '王大妈', grants, communityId: 'c-heping', communityName: '和平社区' }
const session = {
  id: 'c-heping_20251205', communityId: 'c-heping', subdistrictId: 'sd-xx', communityName: '和平社区', date: iso(3).slice(0, 10),
  startsAt: iso(3), endsAt: iso(3.1), cutoffAt: iso(2.9), place: '社区党群服务中心议事厅', state: process.env.STATE ?? 'inProgress', matterCount: 2, version: 1,
}
const matter = (id, extra = {}) => ({
  id, sessionId: session.id, communityId: 'c-heping', subdistrictId: 'sd-xx', authorId: 'u2', authorName: '李居民', anonymous: false,
  category: 'environment', text: '3号楼门口的垃圾桶满了没人清理，气味很大，希望能增加清运次数。', photos: [], status: 'submitted', secondCount: 3,
  createdAt: iso(-1), updatedAt: iso(-1), version: 0, ...extra,
})
const matters = [matter('m1'), matter('m2', { anonymous: true, authorId: undefined, authorName: '匿名', status: 'notAccepted', outcome: { kind: 'notAccepted', reason: '不属于社区职责', recordedBy: 'u1', recordedAt: iso(0) } })]
const mocks = [
  ['POST', /\/sessions\/[^/]+\/matters$/, matter('m9', { text: 'posted' })],
  ['POST', /\/matters\/[^/]+\/seconds$/, { matterId: 'm1', secondCount: 4 }],
  ['POST', /\/sessions\/[^/]+\/start$/, { ...session, state: 'inProgress', version: 2 }],
  ['PUT', /\/sessions\/[^/]+\/minutes$/, { ...session, state: 'inProgress', attendance: 12, minutes: 'ok', version: 3 }],
  ['POST', /\/matters\/[^/]+\/outcome$/, matter('m1', { status: 'solvedOnSpot', outcome: { kind: 'solvedOnSpot', recordedBy: 'u1', recordedAt: iso(0) } })],
  ['POST', /\/sessions\/[^/]+\/close$/, { ...session, state: 'closed', version: 4, summary: { solvedOnSpot: 1, toFiveLists: 0, notAccepted: 1, withdrawn: 0 } }],
  ['PUT', /\/reminder$/, { communityId: 'c-heping', subscribed: true }],
  ['GET', /\/config$/, { templates: { sessionReminder: 't1', matterOutcome: 't2' }, env: 'local' }],
  ['POST', /\/auth\/wechat$/, { accessToken: 'a'.repeat(30), refreshToken: 'r'.repeat(30), expiresIn: 900, me }],
  ['GET', /\/me$/, me],
  ['GET', /\/sessions\/next$/, { session }],
  ['GET', /\/reminder$/, { communityId: 'c-heping', subscribed: false }],
  ['GET', /\/communities\/[^/]+\/matters/, { items: matters, cursor: 'next' }],
  ['GET', /\/me\/matters/, { items: [matters[0]] }],
  ['GET', /\/me\/inbox\/unread$/, { unread: 2 }],
  ['GET', /\/me\/inbox/, { items: [{ id: 'i1', template: 'matterOutcome', title: '您的说事有了结果', body: '当场解决', createdAt: iso(0), read: false }] }],
  ['GET', /\/sessions\/[^/]+$/, { session, matters }],
  ['GET', /\/matters\/[^/]+$/, { matter: matters[0], session, mine: false, secondedByMe: false, canEdit: false, canSecond: true }],
  ['GET', /\/communities\/[^/]+\/sessions/, { items: [session] }],
  ['GET', /\/schedule-rule$/, { communityId: 'c-heping', daysOfMonth: [5, 15, 25], startTime: '09:00', durationMinutes: 120, place: '议事厅', cutoffHours: 2, version: 0 }],
  ['GET', /\/binding-requests$/, { items: [{ user: { id: 'u9', displayName: '新居民' }, communityId: 'c-heping', note: '5号楼201', requestedAt: iso(-1) }] }],
  ['GET', /\/invite-code$/, { communityId: 'c-heping', code: 'HP2025' }],
  ['GET', /\/communities$/, { items: [{ id: 'c-heping', name: '和平社区', subdistrictId: 'sd-xx', subdistrictName: '幸福街道', grids: [{ id: 'g-heping-1', name: '第一网格' }] }] }],
  ['GET', /\/admin\/units$/, { items: [{ id: 'sd-xx', kind: 'subdistrict', name: '幸福街道', path: ['sd-xx'] }, { id: 'c-heping', kind: 'community', name: '和平社区', parentId: 'sd-xx', path: ['sd-xx', 'c-heping'] }] }],
  ['GET', /\/grants$/, { items: [{ user: { id: 'u1', displayName: '刘社工' }, role: 'communityWorker', unitId: 'c-heping' }] }],
]

const pages = [
  'pages/login/index', 'pages/home/index', 'pages/matters/index', 'pages/me/index',
  `packages/sayItDay/submit/index?sessionId=${session.id}`, 'packages/sayItDay/matter/index?id=m1', `packages/sayItDay/session/index?id=${session.id}`,
  `packages/worker/run/index?id=${session.id}`, 'packages/worker/sessions/index', 'packages/worker/rule/index', 'packages/worker/bindings/index',
  'packages/me/inbox/index', 'packages/me/bind/index', 'packages/me/settings/index', 'packages/me/admin/index',
].filter((p) => !only || p.includes(only))

const browser = await chromium.launch({
  executablePath: execSync('which chromium').toString().trim(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
let failures = 0
for (const [elder, lang] of [[false, 'zh'], [true, 'zh'], [false, 'en']]) {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await ctx.addInitScript(({ elder, lang }) => {
    if (location.protocol === 'about:') return
    localStorage.setItem('linli.prefs', JSON.stringify({ data: { elder, lang } }))
    localStorage.setItem('linli.tokens', JSON.stringify({ data: { accessToken: 'a'.repeat(30), refreshToken: 'r'.repeat(30) } }))
    if (!location.hash.includes('privacy')) localStorage.setItem('linli.privacyAgreed', JSON.stringify({ data: true }))
  }, { elder, lang })
  await ctx.route('**/api/**', (route) => {
    const req = route.request()
    if (process.env.LOG_API) console.log('   api', req.method(), new URL(req.url()).pathname, JSON.stringify(req.headers()['idempotency-key'] ?? ''), req.postData() ?? '')
    const url = new URL(req.url()).pathname
    const hit = mocks.find(([m, re]) => m === req.method() && re.test(url))
    if (hit) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hit[2]) })
    return route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ code: 'ROUTE_NOT_FOUND', message: '没有这个接口', messageEn: 'No such endpoint' }) })
  })
  const page = await ctx.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  for (const p of pages) {
    errors.length = 0
    await page.goto('about:blank')
    await page.goto(`${base}#/${p}`)
    await page.waitForTimeout(1200)
    await page.addScriptTag({ content: axeSource })
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] })
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\n').slice(1, 2).join('')) }))
    })
    const small = elder
      ? await page.evaluate(() => {
          const bad = []
          for (const el of document.querySelectorAll('.page *')) {
            if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue
            const r = el.getBoundingClientRect()
            if (!r.width) continue
            const fs = parseFloat(getComputedStyle(el).fontSize)
            if (fs < 18) bad.push(`${el.tagName.toLowerCase()}.${el.className} ${fs}px "${el.textContent.trim().slice(0, 12)}"`)
          }
          return bad.slice(0, 5)
        })
      : []
    const title = await page.title()
    const heading = await page.locator('[role=heading][aria-level="1"]:visible').first().textContent().catch(() => null)
    const status = result.length || small.length || !heading ? 'FAIL' : 'ok'
    if (status === 'FAIL') failures++
    console.log(`${status} ${elder ? 'elder' : 'normal'}-${lang} ${p} title="${title}" h1="${heading}"`)
    for (const v of result) console.log(`   ${v.impact} ${v.id}: ${v.help}\n     ${v.nodes.join('\n     ')}`)
    for (const s of small) console.log(`   small text: ${s}`)
    for (const e of errors.slice(0, 3)) console.log(`   page error: ${e.slice(0, 200)}`)
    if (shotsDir) {
      fs.mkdirSync(shotsDir, { recursive: true })
      await page.screenshot({ path: path.join(shotsDir, `${elder ? 'elder' : 'normal'}-${lang}-${p.split('?')[0].replace(/\//g, '_')}.png`), fullPage: true })
    }
  }
  await ctx.close()
}
if (process.argv.includes('--flows')) {
  // the key controls the end-to-end tests drive, against the mocks
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
  const seen = []
  await ctx.route('**/api/**', (route) => {
    const req = route.request()
    const url = new URL(req.url()).pathname
    seen.push(`${req.method()} ${url} ${req.headers()['idempotency-key'] ? 'key' : ''} ${req.headers().authorization ? 'auth' : ''}`)
    const hit = mocks.find(([m, re]) => m === req.method() && re.test(url))
    return route.fulfill({ status: hit ? 200 : 404, contentType: 'application/json', body: JSON.stringify(hit ? hit[2] : { code: 'ROUTE_NOT_FOUND', message: '没有这个接口', messageEn: 'No such endpoint' }) })
  })
  const page = await ctx.newPage()
  page.on('pageerror', (e) => console.log('   page error', String(e).slice(0, 200)))
  const step = async (name, fn) => {
    try {
      await fn()
      console.log(`flow ok   ${name}`)
    } catch (e) {
      failures++
      console.log(`flow FAIL ${name}: ${String(e).split('\n')[0]}`)
    }
  }
  const tid = (id) => page.locator(`[data-testid="${id}"]`).locator('visible=true').first()
  await page.goto(`${base}#/pages/login/index`)
  await step('privacy banner agree', async () => { await tid('privacy-agree').click({ timeout: 5000 }); await tid('privacy-prompt').waitFor({ state: 'detached', timeout: 3000 }) })
  await step('login by openid', async () => {
    await tid('login-openid').fill('resident-wang')
    await tid('login-submit').click()
    await tid('next-session').waitFor({ timeout: 8000 })
  })
  await step('reminder toggle', async () => { await tid('home-remind').click(); await page.waitForTimeout(500); if (!seen.some((x) => x.startsWith('PUT') && x.includes('reminder'))) throw new Error('no PUT reminder') })
  await step('raise a matter', async () => {
    await tid('home-raise').click()
    await tid('submit-category-environment').click({ timeout: 8000 })
    await tid('submit-text').fill('楼道灯坏了很久，晚上很黑，老人上下楼不安全。')
    await tid('submit-anonymous').click()
    await tid('submit-matter').click()
    await page.waitForURL(/matter\/index\?id=m9/, { timeout: 8000 })
    if (!seen.some((x) => x.startsWith('POST /api/sessions') && x.includes('key'))) throw new Error('no Idempotency-Key on submit')
  })
  await step('second a matter', async () => {
    await page.goto('about:blank')
    await page.goto(`${base}#/packages/sayItDay/matter/index?id=m1`)
    await tid('matter-second').click({ timeout: 8000 })
    await page.waitForFunction(() => document.querySelector('[data-testid="matter-second-count"]')?.textContent?.includes('4'), null, { timeout: 5000 })
  })
  await step('run a session', async () => {
    await page.goto('about:blank')
    await page.goto(`${base}#/packages/worker/run/index?id=${session.id}`)
    await tid('session-attendance').fill('12', { timeout: 8000 })
    await tid('session-minutes').fill('会议记录')
    await tid('session-minutes-save').click()
    await page.waitForTimeout(400)
    await tid('outcome-m1-notAccepted').click()
    await tid('outcome-save-m1').click()
    await page.locator('text=不予受理须填写理由').first().waitFor({ timeout: 3000 })
    await tid('outcome-m1-solvedOnSpot').click()
    await tid('outcome-save-m1').click()
    await page.waitForTimeout(400)
    await tid('session-close').click()
    await page.locator('.taro-model__confirm').last().click({ timeout: 3000 })
    await tid('session-summary').waitFor({ timeout: 5000 })
    for (const x of ['PUT /api/sessions', 'POST /api/matters/m1/outcome', 'POST /api/sessions/' + session.id + '/close']) if (!seen.some((y) => y.startsWith(x))) throw new Error('missing ' + x)
  })
  console.log(seen.map((x) => '   ' + x).join('\n'))
  await ctx.close()
}
await browser.close()
server.close()
console.log(failures ? `${failures} page(s) with problems` : 'all pages clean')
process.exit(failures ? 1 : 0)
