import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Section } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { fmtDate } from '../../../lib/format'
import { hoursOf } from '../../../lib/signups'
import { useVolunteerHours } from '../../../hooks/workbench'

/** A volunteer's hours as staff of a unit see them: the total, then every entry, newest first. */
export default function VolunteerHoursPage() {
  const t = useT()
  const { unitId, userId } = useRouter().params as { unitId: string; userId: string }
  const q = useVolunteerHours(unitId, userId)
  return (
    <Page title='wb.vol.title'>
      <Async q={q}>
        {(d) => (
          <View data-testid='wb-volunteer'>
            <Section title={d.displayName}>
              <Text className='h2' data-testid='wb-volunteer-total' {...aria({ role: 'status' })}>
                {t('wb.vol.total', { hours: hoursOf(d.totalMinutes) })}
              </Text>
            </Section>
            <Section>
              {d.entries.length ? (
                d.entries.map((e) => (
                  <View key={`${e.servedOn}-${e.shiftId}`} className='card'>
                    <Text className='card-title'>{e.activityTitle}</Text>
                    <Text className='small muted block'>{t('wb.vol.entry', { date: fmtDate(e.servedOn, t.lang), hours: hoursOf(e.minutes) })}</Text>
                  </View>
                ))
              ) : (
                <Text className='body block'>{t('wb.vol.none')}</Text>
              )}
            </Section>
          </View>
        )}
      </Async>
    </Page>
  )
}
