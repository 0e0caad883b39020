import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { TeamDetail as TeamDetailSchema } from '@shared/signups/schemas'

type TeamDetail = z.infer<typeof TeamDetailSchema>
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { useQuery } from '../../../hooks/useQuery'
import { newIdempotencyKey } from '../../../api/client'
import { hasRole } from '../../../lib/roles'
import { useAction } from '../lib/util'
import { signups } from '../../../hooks/signups'

const kinds = ['residentVoices', 'foreignVolunteers', 'patrol', 'other'] as const

/** Volunteer teams of my community and my sub-district, each with its roster; organizers form new ones. */
export default function TeamsPage() {
  const t = useT()
  const { me } = useApp()
  // the units whose teams I see: every unit on the paths of my grants (my community and its sub-district)
  const unitIds = Array.from(new Set((me?.grants ?? []).flatMap((g) => g.unitPath.slice(0, 2))))
  const q = useQuery(async () => (await Promise.all(unitIds.map((unitId) => signups.unitTeams(unitId)))).flat(), [unitIds.join()], !!me)
  const [open, setOpen] = useState<TeamDetail>()
  const act = useAction()
  const organizerUnits = (me?.grants ?? []).filter((g) => g.role === 'organizer')
  const [unitId, setUnitId] = useState<string>()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<(typeof kinds)[number]>('residentVoices')
  const [key, setKey] = useState(newIdempotencyKey)
  const [phone, setPhone] = useState('')
  const [asLeader, setAsLeader] = useState(false)
  const [added, setAdded] = useState<string>()
  // a leader of the team, or an organizer over its unit, puts volunteers on the roster (the API holds the same rule)
  const mayAdd = (d: TeamDetail) => !!me && (d.team.leaderIds.includes(me.id) || (me.grants ?? []).some((g) => g.role === 'organizer' && d.team.unitPath.includes(g.unitId)))

  const show = (teamId: string) =>
    act.run(`team-${teamId}`, async () => {
      setAdded(undefined)
      setOpen(open?.team.id === teamId ? undefined : await signups.team(teamId))
    })
  const addMember = (teamId: string) =>
    act.run('add', async () => {
      setAdded(undefined)
      const number = phone.replace(/\s/g, '')
      const before = new Set(open?.roster.map((m) => m.userId))
      const d = await signups.addTeamMember(teamId, { phone: number, role: asLeader ? 'leader' : 'member' })
      setOpen(d)
      setPhone('')
      setAsLeader(false)
      setAdded(d.roster.find((m) => !before.has(m.userId))?.displayName ?? '')
      await q.reload()
    })
  const create = () =>
    act.run('create', async () => {
      const unit = unitId ?? organizerUnits[0]?.unitId
      if (!unit || !me) return
      const d = await signups.createTeam({ unitId: unit, name: name.trim(), kind, leaderIds: [me.id] }, key)
      setKey(newIdempotencyKey())
      setName('')
      setOpen(d)
      await q.reload()
    })

  return (
    <Page title='su.teams.title'>
      {act.error ? <ErrorState error={act.error} /> : null}
      <Async q={q} empty={(d) => (d.length ? false : t('su.teams.none'))}>
        {(teams) => (
          <View data-testid='teams-list'>
            {teams.map((team) => (
              <View key={team.id} className='card' data-testid={`team-${team.id}`}>
                <View className='row'>
                  <Tag tone='brand'>{t(`su.teams.kind.${team.kind}`)}</Tag>
                </View>
                <Text className='card-title'>{team.name}</Text>
                <Text className='small muted block'>{t('su.teams.members', { n: team.memberCount })}</Text>
                <Btn small loading={act.busy === `team-${team.id}`} onClick={() => show(team.id)} pressed={open?.team.id === team.id} testId={`team-roster-${team.id}`}>
                  {open?.team.id === team.id ? t('su.teams.hideRoster') : t('su.teams.roster')}
                </Btn>
                {open?.team.id === team.id ? (
                  <View>
                    {open.roster.map((m) => (
                      <View key={m.userId} className='kv'>
                        <Text className='k'>{m.role === 'leader' ? t('su.teams.leader') : t('su.teams.member')}</Text>
                        <Text className='v'>{m.displayName}</Text>
                      </View>
                    ))}
                    {mayAdd(open) ? (
                      <View className='shift-form'>
                        <Field label={t('su.teams.addPhone')} hint={t('su.teams.addHint')}>
                          <TextInput label={t('su.teams.addPhone')} type='number' value={phone} onInput={setPhone} testId='team-add-phone' maxlength={11} />
                        </Field>
                        <Chip selected={asLeader} onClick={() => setAsLeader(!asLeader)} testId='team-add-leader'>
                          {t('su.teams.asLeader')}
                        </Chip>
                        <Btn kind='primary' block disabled={!/^1\d{10}$/.test(phone.replace(/\s/g, ''))} loading={act.busy === 'add'} onClick={() => addMember(open.team.id)} testId='team-add'>
                          {t('su.teams.add')}
                        </Btn>
                        {added ? (
                          <Text className='small block' {...aria({ role: 'status' })} data-testid='team-added'>
                            {t('su.teams.added', { name: added })}
                          </Text>
                        ) : null}
                      </View>
                    ) : null}
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </Async>

      {hasRole(me, 'organizer') ? (
        <Section title={t('su.teams.create')}>
          {organizerUnits.length > 1 ? (
            <Field label={t('su.unit')}>
              <View className='row'>
                {organizerUnits.map((g) => (
                  <Chip key={g.unitId} selected={(unitId ?? organizerUnits[0]!.unitId) === g.unitId} onClick={() => setUnitId(g.unitId)}>
                    {g.unitName}
                  </Chip>
                ))}
              </View>
            </Field>
          ) : null}
          <Field label={t('su.teams.name')}>
            <TextInput label={t('su.teams.name')} value={name} onInput={setName} testId='team-name' maxlength={30} />
          </Field>
          <Field label={t('su.teams.kindLabel')}>
            <View className='row'>
              {kinds.map((k) => (
                <Chip key={k} selected={kind === k} onClick={() => setKind(k)} testId={`team-kind-${k}`}>
                  {t(`su.teams.kind.${k}`)}
                </Chip>
              ))}
            </View>
          </Field>
          <Btn kind='primary' block disabled={name.trim().length < 2} loading={act.busy === 'create'} onClick={create} testId='team-create'>
            {t('su.teams.create')}
          </Btn>
        </Section>
      ) : null}
    </Page>
  )
}
