import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { chinaYear } from '@shared/platform/chinaTime'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Chip, Empty, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { fiveLists } from '../../../hooks/fiveLists'
import { contactUnits, officerSubdistrict } from '../lib/roles'
import { ScoreView } from '../lib/ui'

const thisYear = () => chinaYear(Date.now())

/** Officers see every partner unit ranked; a unit's contact sees its own score. */
export default function ScoresPage() {
  const t = useT()
  const { me } = useApp()
  const wanted = useRouter().params.unitId as string | undefined
  const subdistrictId = officerSubdistrict(me)
  const unitId = wanted ?? (subdistrictId ? undefined : contactUnits(me)[0]?.id)
  const [year, setYear] = useState(thisYear())
  const q = useQuery(
    async () => (unitId ? [await fiveLists.unitScore(unitId, year)] : (await fiveLists.ranking(subdistrictId!, year)).items),
    [unitId, subdistrictId, year],
    !!me && (!!unitId || !!subdistrictId),
  )
  return (
    <Page title={unitId ? 'fl.ownScore' : 'fl.rankingTitle'}>
      <View className='row' {...aria({ role: 'group', 'aria-label': t('fl.year') })}>
        {[thisYear(), thisYear() - 1].map((y) => (
          <Chip key={y} selected={year === y} onClick={() => setYear(y)} testId={`fl-year-${y}`}>
            {t('fl.yearOf', { y })}
          </Chip>
        ))}
      </View>
      <Text className='small muted block'>{t('fl.scoreHow')}</Text>
      {!me ? null : !unitId && !subdistrictId ? (
        <Empty text={t('fl.notContact')} />
      ) : (
        <Async q={q} empty={(items) => (items.length ? false : t('fl.listEmpty'))}>
          {(items) => (
            <View {...aria({ role: 'list', 'data-testid': unitId ? 'fl-own-score' : 'fl-ranking' })}>
              {items.map((s) => (
                <View key={s.unitId} {...aria({ role: 'listitem' })}>
                  <Section>
                    <ScoreView s={s} />
                  </Section>
                </View>
              ))}
            </View>
          )}
        </Async>
      )}
    </Page>
  )
}
