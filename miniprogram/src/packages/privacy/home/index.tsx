import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ResponseOf } from '@shared/http'
import type { Api } from '@shared/api'
import { pk, type PrivacyKey } from '../../../i18n/privacy'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria, isH5 } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useApp } from '../../../state/app'
import { fmtDateTime } from '../../../lib/format'
import { privacy, usePrivacyState, useDataExport, useConsents } from '../../../hooks/privacy'

type Consent = ResponseOf<Api['privacy']['consents']>['items'][number]

/**
 * 我的 → 个人信息与隐私: the privacy policy and its version (asked again when it is newer), my data as a download, my
 * consents with what withdrawing each means (confirmed in the page, not a modal), and closing my account (typed
 * confirmation).
 */
export default function PrivacyPage() {
  const t = useT()
  const p = (key: PrivacyKey, vars?: Record<string, string | number>) => t(pk(key), vars)
  const app = useApp()
  const state = usePrivacyState()
  const exp = useDataExport()
  const consents = useConsents()
  const { busy, error, run } = useAction()
  const [asking, setAsking] = useState<string>()
  const [typed, setTyped] = useState('')
  const [closing, setClosing] = useState(false)

  const accept = () => run('accept', async () => state.setData(await privacy.accept(state.data!.policy.version)))
  const startExport = () => run('export', async () => exp.setData(await privacy.startExport()))
  const withdraw = (c: Consent) =>
    run('withdraw', async () => {
      await privacy.withdrawConsent({ consentId: c.id, confirm: true })
      setAsking(undefined)
      await consents.reload()
    })
  const close = () =>
    run('close', async () => {
      await privacy.close({ confirm: typed.trim() === '注销' ? '注销' : 'CLOSE' })
      void Taro.showToast({ title: p('pv.closed'), icon: 'success' })
      app.logout()
    })

  function open(url: string, fileType?: 'xlsx') {
    if (isH5) {
      window.open(url, '_blank', 'noopener')
      return
    }
    if (!fileType) {
      void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: p('pv.copied'), icon: 'none' }))
      return
    }
    void Taro.downloadFile({ url }).then((r) => Taro.openDocument({ filePath: r.tempFilePath, fileType, showMenu: true }))
  }

  const typedOk = ['注销', 'CLOSE'].includes(typed.trim())
  return (
    <Page title={pk('pv.title')}>
      <Section>
        <Text className='body block'>{p('pv.intro')}</Text>
      </Section>

      {error ? <ErrorState error={error} /> : null}

      <Section title={p('pv.policy')}>
        <Async q={state}>
          {(s) => (
            <View data-testid='pv-policy'>
              <Text className='small muted block' data-testid='pv-policy-version'>
                {p('pv.policyVersion', { version: s.policy.version })}
              </Text>
              {s.needsAcceptance ? (
                <Text className='body block error-text' {...aria({ role: 'alert' })} data-testid='pv-policy-new'>
                  {p('pv.policyNew')}
                </Text>
              ) : s.acceptedAt ? (
                <Text className='small muted block'>{p('pv.policyAccepted', { at: fmtDateTime(s.acceptedAt, t.lang) })}</Text>
              ) : null}
              {s.needsAcceptance && s.acceptedVersion && s.policy.changesZh ? (
                <Text className='body block'>{p('pv.changes', { changes: (t.lang === 'en' ? s.policy.changesEn : s.policy.changesZh) ?? '' })}</Text>
              ) : null}
              <Text className='body block privacy-text'>{t.lang === 'en' ? s.policy.textEn : s.policy.textZh}</Text>
              {s.needsAcceptance ? (
                <Btn kind='primary' block loading={busy === 'accept'} onClick={accept} testId='pv-policy-accept'>
                  {p('pv.policyAccept')}
                </Btn>
              ) : null}
            </View>
          )}
        </Async>
      </Section>

      <Section title={p('pv.export')}>
        <Text className='small muted block'>{p('pv.exportHint')}</Text>
        <Async q={exp}>
          {(e) =>
            e.state === 'ready' ? (
              <View data-testid='pv-export-ready'>
                <Text className='body block'>{p('pv.exportReady', { at: fmtDateTime(e.expiresAt!, t.lang) })}</Text>
                {e.counts ? <Text className='small muted block'>{p('pv.exportCounts', { n: Object.values(e.counts).reduce((a, b) => a + b, 0) })}</Text> : null}
                {e.xlsxUrl ? (
                  <Btn block onClick={() => open(e.xlsxUrl!, 'xlsx')} testId='pv-export-xlsx'>
                    {p('pv.openXlsx')}
                  </Btn>
                ) : null}
                <Btn block onClick={() => open(e.url!)} testId='pv-export-json'>
                  {isH5 ? p('pv.openJson') : p('pv.copyJson')}
                </Btn>
              </View>
            ) : e.state === 'preparing' ? (
              <View data-testid='pv-export-preparing'>
                <Text className='body block' {...aria({ role: 'status' })}>
                  {p('pv.exportPreparing')}
                </Text>
                <Btn block onClick={() => void exp.reload()} testId='pv-export-refresh'>
                  {p('pv.exportRefresh')}
                </Btn>
              </View>
            ) : (
              <Btn kind='primary' block loading={busy === 'export'} onClick={startExport} testId='pv-export-start'>
                {p('pv.exportStart')}
              </Btn>
            )
          }
        </Async>
      </Section>

      <Section title={p('pv.consents')}>
        <Async q={consents} empty={(d) => (d.items.length === 0 ? p('pv.noConsents') : false)}>
          {(d) => (
            <View {...aria({ role: 'list' })}>
              {d.items.map((c) => (
                <View key={c.id} className='card' {...aria({ role: 'listitem' })} data-testid={`pv-consent-${c.id}`}>
                  <Text className='body block'>{t.lang === 'en' ? c.titleEn : c.titleZh}</Text>
                  {c.givenAt ? <Text className='small muted block'>{p('pv.givenAt', { at: fmtDateTime(c.givenAt, t.lang) })}</Text> : null}
                  {c.withdrawnAt ? (
                    <Tag tone='warn'>{p('pv.withdrawnAt', { at: fmtDateTime(c.withdrawnAt, t.lang) })}</Tag>
                  ) : !c.withdrawable ? (
                    <Text className='small muted block'>{p('pv.notWithdrawable')}</Text>
                  ) : null}
                  {asking === c.id ? (
                    <View className='card' {...aria({ role: 'alert' })} data-testid='pv-withdraw-what'>
                      <Text className='body block'>{t.lang === 'en' ? c.effectEn : c.effectZh}</Text>
                      <View className='row'>
                        <Btn small onClick={() => setAsking(undefined)} testId='pv-withdraw-cancel'>
                          {p('pv.cancel')}
                        </Btn>
                        <Btn small kind='danger' loading={busy === 'withdraw'} onClick={() => void withdraw(c)} testId='pv-withdraw-confirm'>
                          {p('pv.withdrawConfirm')}
                        </Btn>
                      </View>
                    </View>
                  ) : c.withdrawable ? (
                    <Btn small onClick={() => setAsking(c.id)} testId={`pv-withdraw-${c.id}`} label={`${p('pv.withdraw')} ${t.lang === 'en' ? c.titleEn : c.titleZh}`}>
                      {p('pv.withdraw')}
                    </Btn>
                  ) : null}
                </View>
              ))}
            </View>
          )}
        </Async>
      </Section>

      <Section title={p('pv.close')}>
        {closing ? (
          <View data-testid='pv-close-box'>
            <Text className='body block' {...aria({ role: 'alert' })}>
              {p('pv.closeWarn')}
            </Text>
            <Field label={p('pv.closeType')}>
              <TextInput label={p('pv.closeType')} value={typed} onInput={setTyped} testId='pv-close-type' maxlength={10} />
            </Field>
            <View className='row'>
              <Btn onClick={() => setClosing(false)} testId='pv-close-cancel'>
                {p('pv.cancel')}
              </Btn>
              <Btn kind='danger' disabled={!typedOk} loading={busy === 'close'} onClick={close} testId='pv-close-confirm'>
                {p('pv.closeConfirm')}
              </Btn>
            </View>
          </View>
        ) : (
          <Btn kind='danger' block onClick={() => setClosing(true)} testId='pv-close'>
            {p('pv.close')}
          </Btn>
        )}
      </Section>
    </Page>
  )
}
