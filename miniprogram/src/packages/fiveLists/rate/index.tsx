import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RatingLevel } from '@shared/fiveLists/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, TextArea } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useAction } from '../../../hooks/useAction'
import { fiveLists, useFiveListMatter } from '../../../hooks/fiveLists'
import { useAttemptKey } from '../../../hooks/useAttemptKey'
import { askSubscribe } from '../../../lib/subscribe'
import { matterUrl, StateTag } from '../lib/ui'

const levels: RatingLevel[] = ['satisfied', 'partly', 'notSatisfied']

/** 群众评单: satisfied / partly / not satisfied, 1–5 stars, a comment. */
export default function RatePage() {
  const t = useT()
  const { config } = useApp()
  const id = useRouter().params.id as string
  const q = useFiveListMatter(id)
  const [level, setLevel] = useState<RatingLevel>()
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const { busy, error, run, setError } = useAction()
  const [missing, setMissing] = useState(false)
  // the same rating retried after a dropped answer keeps its key: it counts once
  const keyFor = useAttemptKey()

  async function submit() {
    if (!level || !stars) {
      setMissing(true)
      return
    }
    setMissing(false)
    setError(undefined)
    const body = { level, stars, comment: comment.trim() || undefined }
    const idempotencyKey = keyFor(body)
    await run('rate', async () => {
      const r = await fiveLists.rate(id, body, idempotencyKey)
      void Taro.showToast({ title: r.reopened ? t('fl.rateReopened') : t('fl.rateDone'), icon: r.reopened ? 'none' : 'success' })
      // right after the tap: be told what becomes of it (the unit handles it again, or it is closed)
      await askSubscribe(config?.templates, ['fiveListsProgress'])
      if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: matterUrl(id) })
    })
  }

  return (
    <Page title='fl.rateTitle'>
      <Async q={q}>
        {(d) => (
          <>
            <Section>
              <StateTag state={d.matter.state} />
              <Text className='body block pre'>{d.matter.text}</Text>
              {d.matter.resolution ? <Text className='small muted block pre'>{`${t('fl.resolution')}：${d.matter.resolution.note}`}</Text> : null}
            </Section>
            {!d.actions.includes('rate') ? (
              <ErrorState error={{ message: t('fl.cannotRate'), messageEn: t('fl.cannotRate') }} />
            ) : (
              <Section>
                <Field label={t('fl.rateLevel')}>
                  <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.rateLevel') })}>
                    {levels.map((l) => (
                      <Chip key={l} selected={level === l} onClick={() => setLevel(l)} testId={`fl-rate-level-${l}`}>
                        {t(`fl.level.${l}`)}
                      </Chip>
                    ))}
                  </View>
                  {level === 'notSatisfied' && d.actions.includes('reopen') ? <Text className='small block'>{t('fl.reopenHint')}</Text> : null}
                </Field>
                <Field label={t('fl.rateStars')}>
                  <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.rateStars') })}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <View
                        key={n}
                        className={`chip fl-star ${n <= stars ? 'chip-on' : ''}`}
                        onClick={() => setStars(n)}
                        {...aria({ role: 'button', tabindex: 0, 'aria-pressed': stars === n, 'aria-label': t('fl.starsOf', { n }), 'data-testid': `fl-rate-star-${n}` })}
                      >
                        <Text {...aria({ 'aria-hidden': true })}>{n <= stars ? '★' : '☆'}</Text>
                      </View>
                    ))}
                  </View>
                  <Text className='small block' {...aria({ 'aria-live': 'polite' })}>
                    {stars ? t('fl.starsOf', { n: stars }) : t('fl.starsNone')}
                  </Text>
                </Field>
                <Field label={t('fl.rateComment')}>
                  <TextArea label={t('fl.rateComment')} value={comment} onInput={setComment} testId='fl-rate-comment' maxlength={500} />
                </Field>
                {missing ? (
                  <Text className='small error-text block' {...aria({ role: 'alert' })}>
                    {t('fl.rateMissing')}
                  </Text>
                ) : null}
                {error ? <ErrorState error={error} /> : null}
                <Btn kind='primary' block loading={!!busy} onClick={submit} testId='fl-rate-submit'>
                  {busy ? t('common.submitting') : t('fl.rateSubmit')}
                </Btn>
              </Section>
            )}
          </>
        )}
      </Async>
    </Page>
  )
}
