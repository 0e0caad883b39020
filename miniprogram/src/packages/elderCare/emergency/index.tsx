import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Emergency } from '@shared/elderCare/schemas'
import '../lib/messages'
import '../lib/elderCare.css'
import { Page } from '../../../components/Page'
import { Btn, Chip, ErrorState, Field, Section, Tag, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { fmtDateTime } from '../../../lib/format'
import { elderCare, useEmergency } from '../../../hooks/elderCare'

const ESCALATE_MINUTES = 5

/**
 * 助急. Without an id: the big button, a confirm step, then the sent state. With an id (from the inbox): the request,
 * and for the grid worker, family or community workers "我来处理" and "处理完毕" with a note.
 */
export default function EmergencyPage() {
  const t = useT()
  const id = useRouter().params.id
  const [sent, setSent] = useState<Emergency>()
  const [confirming, setConfirming] = useState(false)
  const [coords, setCoords] = useState<{ latitude: number; longitude: number }>()
  const [atHome, setAtHome] = useState(true)
  const [note, setNote] = useState('')
  const act = useAction()
  const keyFor = useAttemptKey()
  const shown = useEmergency(id)
  const e = sent ?? shown.data

  async function locate() {
    try {
      const r = await Taro.getLocation({ type: 'wgs84' })
      setCoords({ latitude: r.latitude, longitude: r.longitude })
      setAtHome(false)
    } catch {
      /* refused: the registered home is used */
    }
  }
  async function send() {
    const body = { location: coords ? { ...coords } : atHome ? { address: t('ec.sosPickPlace') } : undefined }
    await act.run('send', async () => setSent(await elderCare.emergency(body, keyFor(body))))
  }
  async function ack() {
    await act.run('ack', async () => shown.setData(await elderCare.acknowledge(e!.id)))
  }
  async function resolve() {
    await act.run('resolve', async () => shown.setData(await elderCare.resolve(e!.id, note.trim())))
  }

  if (e)
    return (
      <Page title='ec.sosTitle'>
        <Section>
          <Text className='h2 block' data-testid='ec-sos-state' {...aria({ role: 'status', 'aria-live': 'polite' })}>
            {sent ? t('ec.sosSent') : `${e.elderName} · ${t(`ec.sosState.${e.state}`)}`}
          </Text>
          {sent ? <Text className='body block'>{t('ec.sosSentNote', { n: e.told, m: ESCALATE_MINUTES })}</Text> : null}
          {e.acknowledgedBy ? <Text className='body block'>{t('ec.sosAcked', { name: e.acknowledgedBy.name })}</Text> : null}
          {e.escalated ? <Tag tone='warn'>{t('ec.sosEscalated')}</Tag> : null}
          <View className='kv'>
            <Text className='k'>{t('ec.sosLocation')}</Text>
            <Text className='v'>{e.location?.address ?? (e.location?.latitude !== undefined ? `${e.location.latitude}, ${e.location.longitude}` : '—')}</Text>
          </View>
          <Text className='small muted block'>{fmtDateTime(e.createdAt, t.lang)}</Text>
          {e.note ? <Text className='body block'>{e.note}</Text> : null}
        </Section>
        {!sent && e.state === 'acknowledged' ? (
          <Field label={t('ec.sosNote')}>
            <TextArea label={t('ec.sosNote')} value={note} onInput={setNote} maxlength={200} testId='ec-sos-note' />
          </Field>
        ) : null}
        {act.error ? <ErrorState error={act.error} /> : null}
        {!sent && e.state !== 'resolved' ? (
          <View className='ec-bottom'>
            {e.state === 'open' ? (
              <Btn kind='primary' block onClick={ack} loading={act.busy === 'ack'} testId='ec-sos-ack'>
                {t('ec.sosAck')}
              </Btn>
            ) : (
              <Btn kind='primary' block onClick={resolve} loading={act.busy === 'resolve'} disabled={!note.trim()} testId='ec-sos-resolve'>
                {t('ec.sosResolve')}
              </Btn>
            )}
          </View>
        ) : null}
      </Page>
    )
  if (id) return <Page title='ec.sosTitle'>{shown.error ? <ErrorState error={shown.error} onRetry={() => void shown.reload()} /> : null}</Page>

  return (
    <Page title='ec.sosTitle'>
      {!confirming ? (
        <View className='ec-sos' onClick={() => setConfirming(true)} {...aria({ role: 'button', tabindex: 0, 'data-testid': 'ec-sos-big' })}>
          <Text className='ec-sos-text'>{t('ec.sos')}</Text>
          <Text className='ec-sos-hint'>{t('ec.sosHint')}</Text>
        </View>
      ) : (
        <View>
          <Text className='h2 block' {...aria({ role: 'alert' })}>
            {t('ec.sosConfirm')}
          </Text>
          <Section title={t('ec.sosLocation')}>
            <View className='row gap'>
              <Chip selected={atHome && !coords} onClick={() => (setAtHome(true), setCoords(undefined))} testId='ec-sos-home'>
                {t('ec.sosPickPlace')}
              </Chip>
              <Chip selected={!!coords} onClick={() => void locate()} testId='ec-sos-locate'>
                {t('ec.sosUseLocation')}
              </Chip>
            </View>
          </Section>
          {act.error ? <ErrorState error={act.error} /> : null}
          <View className='ec-bottom'>
            <Btn block onClick={() => setConfirming(false)} testId='ec-sos-back'>
              {t('ec.sosBack')}
            </Btn>
            <Btn kind='danger' block onClick={send} loading={act.busy === 'send'} testId='ec-sos-send'>
              {t('ec.sosSend')}
            </Btn>
          </View>
        </View>
      )}
    </Page>
  )
}
