import { Text, View } from '@tarojs/components'
import { money, ProjectCard } from '../lib/card'
import { Page } from '../../../components/Page'
import { Async, Empty, Loading, Section } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { homeCommunityId } from '../../../lib/roles'
import { useMicroProjectAccounts } from '../../../hooks/microProjects'

/**
 * 社区家务账: the community's public accounts, as its residents read them: every approved project, its budget, its
 * spending and a photo of each receipt. No names.
 */
export default function PublicAccountsPage() {
  const t = useT()
  const { me, loadingMe } = useApp()
  const communityId = homeCommunityId(me)
  const accounts = useMicroProjectAccounts(communityId)

  if (!me) return <Page title='mp.accountsTitle'>{loadingMe ? <Loading /> : null}</Page>
  if (!communityId) return <Page title='mp.accountsTitle'><Empty text={t('mp.noCommunity')} /></Page>
  return (
    <Page title='mp.accountsTitle'>
      <Async q={accounts} empty={(d) => (d.projects.length ? false : t('mp.empty'))}>
        {(d) => (
          <>
            <Section title={d.communityName}>
              <Text className='small muted block'>{t('mp.accountsNote')}</Text>
              <Text className='body block' data-testid='mp-totals'>
                {t('mp.totals', { budget: money(d.totals.budgetFen), spent: money(d.totals.spentFen) })}
              </Text>
            </Section>
            <View data-testid='mp-accounts'>
              {d.projects.map((p) => (
                <ProjectCard key={p.id} p={p} t={t} />
              ))}
            </View>
          </>
        )}
      </Async>
    </Page>
  )
}
