import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Empty, ErrorState, Loading, Section } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { fmtDateTime } from '../../../lib/format'
import { CommunityPicker, useWorkerCommunity } from '../lib/communities'
import { useAction } from '../../../hooks/useAction'
import { org, useBindingRequests, useInviteCode } from '../../../hooks/org'

export default function BindingsPage() {
  const t = useT()
  const { list, communityId, setChosen } = useWorkerCommunity()
  const requests = useBindingRequests(communityId)
  // decided here: off the list at once, whichever page they came on
  const [decided, setDecided] = useState<Set<string>>(new Set())
  const waiting = requests.items.filter((r) => !decided.has(r.user.id))
  const invite = useInviteCode(communityId)
  const { busy, error, run } = useAction()

  const [rotated, setRotated] = useState(false)
  async function rotate() {
    if (!communityId) return
    const { confirm } = await Taro.showModal({ title: t('worker.rotateInviteCode'), content: t('worker.rotateConfirm'), confirmText: t('common.confirm'), cancelText: t('common.cancel') })
    if (!confirm) return
    await run('rotate', async () => {
      await org.rotateInviteCode(communityId)
      setRotated(true)
      void invite.reload()
    })
  }

  async function decide(userId: string, decision: 'confirm' | 'reject', gridId?: string) {
    if (!communityId) return
    await run(`${userId}-${decision}`, async () => {
      await org.decideBinding(communityId, userId, { decision, gridId })
      setDecided((s) => new Set([...s, userId]))
    })
  }

  return (
    <Page title='worker.bindings'>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : !list.data ? <Loading /> : list.data.length === 0 ? <Empty text={t('worker.noCommunity')} /> : null}
      {list.data ? <CommunityPicker list={list.data} communityId={communityId} onPick={setChosen} /> : null}
      {invite.data ? (
        <Section>
          <Text className='body' data-testid='invite-code'>
            {t('worker.inviteCode', { code: invite.data.code })}
          </Text>
          {rotated ? (
            <Text className='small block' {...{ role: 'status' }}>
              {t('worker.rotated')}
            </Text>
          ) : null}
          <Btn small loading={busy === 'rotate'} onClick={() => void rotate()} testId='invite-code-rotate'>
            {t('worker.rotateInviteCode')}
          </Btn>
        </Section>
      ) : null}
      {error ? <ErrorState error={error} /> : null}
      {communityId ? (
        <Async q={requests} empty={() => (waiting.length || requests.hasMore ? false : t('worker.noRequests'))}>
          {() => (
            <View data-testid='binding-requests'>
              {waiting.map((r) => (
                <View key={r.user.id} className='card'>
                  <Text className='card-title'>{r.user.displayName}</Text>
                  {r.note ? <Text className='small block'>{r.note}</Text> : null}
                  <Text className='small muted block'>{`${t('worker.requestedAt')}：${fmtDateTime(r.requestedAt, t.lang)}`}</Text>
                  <View className='row gap'>
                    <Btn kind='primary' small loading={busy === `${r.user.id}-confirm`} onClick={() => decide(r.user.id, 'confirm', r.gridId)} testId={`binding-confirm-${r.user.id}`}>
                      {t('worker.confirm')}
                    </Btn>
                    <Btn small loading={busy === `${r.user.id}-reject`} onClick={() => decide(r.user.id, 'reject')} testId={`binding-reject-${r.user.id}`}>
                      {t('worker.reject')}
                    </Btn>
                  </View>
                </View>
              ))}
              {requests.hasMore ? (
                <Btn block loading={requests.loadingMore} onClick={requests.loadMore} testId='binding-requests-more'>
                  {t('common.loadMore')}
                </Btn>
              ) : null}
            </View>
          )}
        </Async>
      ) : null}
    </Page>
  )
}
