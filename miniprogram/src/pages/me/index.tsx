import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { FiveListsWork } from '../../components/FiveListsWork'
import { Btn, ErrorState, LinkRow, Loading, Section, Tag } from '../../components/ui'
import { useT } from '../../i18n/useT'
import { useApp } from '../../state/app'
import { isLoggedIn } from '../../api/client'
import { canRunSessions, hasRole, roleKeys } from '../../lib/roles'
import { privacyLinkTitle } from '../../i18n/privacy'
import { useUnreadCount } from '../../hooks/notifications'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function MePage() {
  const t = useT()
  const app = useApp()
  const me = app.me
  const unread = useUnreadCount([me?.id], !!me)

  useDidShow(() => {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: '/pages/login/index' })
      return
    }
    void app.refreshMe()
    if (me) void unread.reload()
  })

  if (!me) return <Page title='me.title'>{app.loadingMe ? <Loading /> : <ErrorState error={undefined} onRetry={() => app.refreshMe()} />}</Page>

  const n = unread.data?.unread ?? 0
  return (
    <Page title='me.title'>
      <Section>
        <Text className='h2 block' data-testid='me-name'>
          {me.displayName}
        </Text>
        <View className='row' data-testid='me-roles'>
          {roleKeys(me).map((r) => (
            <Tag key={r} tone='neutral'>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </View>
      </Section>

      <Section title={t('me.community')}>
        <LinkRow
          title={me.communityName ?? (me.pendingCommunityId ? t('me.pending') : t('me.notBound'))}
          note={me.communityId ? undefined : t('me.bind')}
          onClick={go('/packages/me/bind/index')}
          testId='me-bind'
        />
      </Section>

      <Section>
        <LinkRow title={t('me.inbox')} badge={n > 0 ? t('me.unread', { n }) : undefined} onClick={go('/packages/me/inbox/index')} testId='me-inbox' />
        <LinkRow title={t('me.settings')} onClick={go('/packages/me/settings/index')} testId='me-settings' />
        <LinkRow title={privacyLinkTitle(t.lang, t.elder)} onClick={go('/packages/privacy/home/index')} testId='me-privacy' />
      </Section>

      {canRunSessions(me) || hasRole(me, 'admin') ? (
        <Section title={t('me.work')}>
          {canRunSessions(me) ? (
            <>
              <LinkRow title={t('me.sessions')} onClick={go('/packages/worker/sessions/index')} testId='me-worker-sessions' />
              <LinkRow title={t('me.rule')} onClick={go('/packages/worker/rule/index')} testId='me-worker-rule' />
              <LinkRow title={t('me.bindings')} onClick={go('/packages/worker/bindings/index')} testId='me-worker-bindings' />
            </>
          ) : null}
          {hasRole(me, 'admin') ? <LinkRow title={t('me.admin')} onClick={go('/packages/me/admin/index')} testId='me-admin' /> : null}
        </Section>
      ) : null}

      <FiveListsWork me={me} prefix='me' />

      {hasRole(me, 'organizer') ? (
        <Section title={t('me.organizeSection')}>
          <LinkRow title={t('me.organize')} onClick={go('/packages/signups/organize/index')} testId='me-organize' />
        </Section>
      ) : null}

      <Btn block onClick={app.logout} testId='me-logout'>
        {t('me.logout')}
      </Btn>
    </Page>
  )
}
