import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, ErrorState, Field, Section, Tag, TextArea } from '../../../components/ui'
import { statusTone } from '../../../components/MatterCard'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { useMatter, useMatterActions } from '../../../hooks/sayItDay'
import { moderation } from '../../../hooks/moderation'
import { fmtDate, fmtDateTime } from '../../../lib/format'
import { registerMessages } from '../../../i18n/messages'
import { moderationMessages, sheetReasons } from '../../../i18n/moderation'

// the 举报 action and the 待审核 / 已隐藏 marks: their texts join the table with this page
registerMessages(moderationMessages)

export default function MatterPage() {
  const t = useT()
  const id = useRouter().params.id as string
  const q = useMatter(id)
  const matter = useMatterActions(id)
  const { busy, error: actionError, run: act } = useAction()
  const [editing, setEditing] = useState<string>()

  useShareAppMessage(() => ({
    title: t('matter.share', { text: (q.data?.matter.text ?? '').slice(0, 24) }),
    path: `/packages/sayItDay/matter/index?id=${id}`,
  }))

  const second = () =>
    act('second', async () => {
      const r = await matter.second()
      if (q.data) q.setData({ ...q.data, secondedByMe: true, canSecond: false, matter: { ...q.data.matter, secondCount: r.secondCount } })
      void Taro.showToast({ title: t('matter.secondDone'), icon: 'success' })
    })

  const saveEdit = () =>
    act('edit', async () => {
      if (!q.data || editing === undefined) return
      const m = await matter.edit({ text: editing.trim(), version: q.data.matter.version })
      q.setData({ ...q.data, matter: m })
      setEditing(undefined)
    })

  const withdraw = () =>
    act('withdraw', async () => {
      const { confirm } = await Taro.showModal({ title: t('matter.withdraw'), content: t('matter.withdrawConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
      if (!confirm) return
      const m = await matter.withdraw()
      if (q.data) q.setData({ ...q.data, matter: m, canEdit: false, canSecond: false })
    })

  const report = () =>
    act('report', async () => {
      let tapIndex: number
      try {
        ;({ tapIndex } = await Taro.showActionSheet({ itemList: sheetReasons.map((r) => t(`mod.reason.${r}`)) }))
      } catch {
        // the sheet was dismissed: nothing to report
        return
      }
      const reason = sheetReasons[tapIndex]
      if (!reason) return
      await moderation.report('matter', id, reason)
      void Taro.showToast({ title: t('mod.reported'), icon: 'none' })
    })

  return (
    <Page title='matter.title'>
      <Async q={q}>
        {({ matter, session, canEdit, canSecond, secondedByMe, mine }) => (
          <>
            <Section>
              <View className='row'>
                <Tag tone='brand'>{t(`category.${matter.category}`)}</Tag>
                <Tag tone={statusTone[matter.status]}>{t(`status.${matter.status}`)}</Tag>
                {mine ? <Tag>{t('matter.mine')}</Tag> : null}
                {matter.moderation ? <Tag tone={matter.moderation.state === 'hidden' ? 'bad' : 'warn'}>{t(`mod.state.${matter.moderation.state}`)}</Tag> : null}
              </View>
              {matter.moderation?.reason ? (
                <Text className='small block' data-testid='matter-hidden-reason'>
                  {t('mod.hiddenReason', { reason: matter.moderation.reason })}
                </Text>
              ) : null}
              {matter.moderation?.photosHeld ? <Text className='small muted block'>{t('mod.photosHeld', { n: matter.moderation.photosHeld })}</Text> : null}
              {editing !== undefined ? (
                <Field label={t('submit.text')}>
                  <TextArea label={t('submit.text')} value={editing} onInput={setEditing} testId='matter-edit-text' />
                  <View className='row gap'>
                    <Btn kind='primary' small loading={busy === 'edit'} onClick={saveEdit} testId='matter-edit-save'>
                      {t('common.save')}
                    </Btn>
                    <Btn small onClick={() => setEditing(undefined)}>
                      {t('common.cancel')}
                    </Btn>
                  </View>
                </Field>
              ) : (
                <Text className='body block pre' data-testid='matter-text'>
                  {matter.text}
                </Text>
              )}
              {matter.photos.length ? (
                <View className='photos'>
                  {matter.photos.map((p, i) => (
                    <View
                      key={p.key}
                      className='photo'
                      onClick={() => Taro.previewImage({ current: p.url, urls: matter.photos.map((x) => x.url) })}
                      {...aria({ role: 'button', tabindex: 0, 'aria-label': t('submit.photoAlt', { n: i + 1 }) })}
                    >
                      <Image className='img' src={p.url} mode='aspectFill' {...({ nativeProps: { alt: t('submit.photoAlt', { n: i + 1 }) } } as object)} />
                    </View>
                  ))}
                </View>
              ) : null}
              <View className='kv'>
                <Text className='k'>{t('matter.by')}</Text>
                <Text className='v'>{matter.anonymous && !matter.authorId ? t('matters.anonymous') : matter.authorName}</Text>
              </View>
              <View className='kv'>
                <Text className='k'>{t('matter.createdAt')}</Text>
                <Text className='v'>{fmtDateTime(matter.createdAt, t.lang)}</Text>
              </View>
              {matter.location ? (
                <View className='kv'>
                  <Text className='k'>{t('matter.location')}</Text>
                  <Text className='v'>{matter.location.address ?? `${matter.location.latitude?.toFixed(5)}, ${matter.location.longitude?.toFixed(5)}`}</Text>
                </View>
              ) : null}
              <View className='kv'>
                <Text className='k'>{t('matter.session')}</Text>
                <Text
                  className='v link'
                  onClick={() => Taro.navigateTo({ url: `/packages/sayItDay/session/index?id=${session.id}` })}
                  {...aria({ role: 'link', tabindex: 0 })}
                >
                  {`${fmtDate(session.date, t.lang)} · ${t(`session.state.${session.state}`)}`}
                </Text>
              </View>
            </Section>

            <Section>
              <View className='row between'>
                <Text className='body' data-testid='matter-second-count' {...aria({ 'aria-live': 'polite' })}>
                  {t('matters.seconds', { n: matter.secondCount })}
                </Text>
                {!mine ? (
                  <Btn small loading={busy === 'report'} onClick={report} testId='matter-report'>
                    {t('mod.report')}
                  </Btn>
                ) : null}
                {!mine ? (
                  <Btn kind={secondedByMe ? 'default' : 'primary'} disabled={!canSecond} loading={busy === 'second'} onClick={second} testId='matter-second'>
                    {secondedByMe ? `✓ ${t('matter.seconded')}` : t('matter.second')}
                  </Btn>
                ) : null}
              </View>
            </Section>

            {matter.outcome ? (
              <Section title={t('matter.outcome')}>
                <View data-testid='matter-outcome'>
                  <Tag tone={statusTone[matter.outcome.kind]}>{t(`status.${matter.outcome.kind}`)}</Tag>
                  {matter.outcome.reason ? (
                    <View className='kv'>
                      <Text className='k'>{t('matter.reason')}</Text>
                      <Text className='v'>{matter.outcome.reason}</Text>
                    </View>
                  ) : null}
                  {matter.outcome.note ? (
                    <View className='kv'>
                      <Text className='k'>{t('matter.note')}</Text>
                      <Text className='v'>{matter.outcome.note}</Text>
                    </View>
                  ) : null}
                  <Text className='small muted block'>{fmtDateTime(matter.outcome.recordedAt, t.lang)}</Text>
                </View>
              </Section>
            ) : null}

            {actionError ? <ErrorState error={actionError} /> : null}

            {canEdit && editing === undefined ? (
              <View className='row gap'>
                <Btn onClick={() => setEditing(matter.text)} testId='matter-edit'>
                  {t('matter.edit')}
                </Btn>
                <Btn kind='danger' loading={busy === 'withdraw'} onClick={withdraw} testId='matter-withdraw'>
                  {t('matter.withdraw')}
                </Btn>
              </View>
            ) : null}
          </>
        )}
      </Async>
      {!q.data && !q.loading && !q.error ? <ErrorState error={undefined} /> : null}
    </Page>
  )
}
