import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { roleUnitKinds, type Role, type Unit } from '@shared/org/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { org, useUnits, useUnitGrants } from '../../../hooks/org'

/** The units in tree order: each unit followed by the units under it. */
function treeOrder(units: Unit[]): { unit: Unit; depth: number }[] {
  const children = new Map<string | undefined, Unit[]>()
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u])
  const ids = new Set(units.map((u) => u.id))
  const out: { unit: Unit; depth: number }[] = []
  const walk = (u: Unit, depth: number) => {
    out.push({ unit: u, depth })
    for (const c of children.get(u.id) ?? []) walk(c, depth + 1)
  }
  for (const root of units.filter((u) => !u.parentId || !ids.has(u.parentId))) walk(root, 0)
  return out
}

export default function AdminPage() {
  const t = useT()
  const units = useUnits()
  const [unitId, setUnitId] = useState<string>()
  const grants = useUnitGrants(unitId)
  const unit = units.data?.items.find((u) => u.id === unitId)
  const roles = useMemo(() => (unit ? (Object.keys(roleUnitKinds) as Role[]).filter((r) => roleUnitKinds[r].includes(unit.kind)) : []), [unit])
  const [userId, setUserId] = useState('')
  const [role, setRole] = useState<Role>()
  const { busy, error, run } = useAction()

  async function change(kind: 'grant' | 'revoke', body: { userId: string; role: Role; unitId: string }) {
    await run(`${kind}-${body.userId}-${body.role}`, async () => {
      await (kind === 'grant' ? org.grant(body) : org.revoke(body))
      if (kind === 'grant') setUserId('')
      await grants.reload()
    })
  }

  return (
    <Page title='admin.title'>
      <Section title={t('admin.units')}>
        <Async q={units} empty={(d) => (d.items.length ? false : t('common.empty'))}>
          {(d) => (
            <View data-testid='admin-units'>
              {treeOrder(d.items).map(({ unit: u, depth }) => (
                <View
                  key={u.id}
                  className={`link-row indent-${Math.min(depth, 3)}`}
                  onClick={() => (setUnitId(u.id), setRole(undefined))}
                  {...aria({ role: 'button', tabindex: 0, 'aria-pressed': u.id === unitId, 'data-testid': `admin-unit-${u.id}` })}
                >
                  <Text className='body'>{`${u.id === unitId ? '✓ ' : ''}${u.name}`}</Text>
                  <Tag>{t(`admin.kind.${u.kind}`)}</Tag>
                </View>
              ))}
            </View>
          )}
        </Async>
      </Section>

      {unit ? (
        <Section title={t('admin.grants', { name: unit.name })}>
          <Async q={grants} empty={() => (grants.items.length ? false : t('admin.noGrants'))}>
            {() => (
              <View data-testid='admin-grants'>
                {grants.items.map((g) => (
                  <View key={`${g.user.id}-${g.role}`} className='row between card'>
                    <View>
                      <Text className='body block'>{g.user.displayName}</Text>
                      <Text className='small muted block'>{`${g.user.id} · ${t(`role.${g.role}`)}`}</Text>
                    </View>
                    <Btn small loading={busy === `revoke-${g.user.id}-${g.role}`} onClick={() => change('revoke', { userId: g.user.id, role: g.role, unitId: unit.id })} testId={`admin-revoke-${g.user.id}-${g.role}`}>
                      {t('admin.revoke')}
                    </Btn>
                  </View>
                ))}
                {grants.hasMore ? (
                  <Btn block loading={grants.loadingMore} onClick={grants.loadMore} testId='admin-grants-more'>
                    {t('common.loadMore')}
                  </Btn>
                ) : null}
              </View>
            )}
          </Async>
          <Field label={t('admin.userId')}>
            <TextInput label={t('admin.userId')} value={userId} onInput={setUserId} testId='admin-user-id' maxlength={64} />
          </Field>
          <Field label={t('admin.role')}>
            <View className='row'>
              {roles.map((r) => (
                <Chip key={r} selected={role === r} onClick={() => setRole(r)} testId={`admin-role-${r}`}>
                  {t(`role.${r}`)}
                </Chip>
              ))}
            </View>
          </Field>
          {error ? <ErrorState error={error} /> : null}
          <Btn kind='primary' block disabled={!userId.trim() || !role} loading={busy?.startsWith('grant')} onClick={() => role && change('grant', { userId: userId.trim(), role, unitId: unit.id })} testId='admin-grant'>
            {t('admin.grant')}
          </Btn>
        </Section>
      ) : (
        <Empty text={t('admin.pickUnit')} />
      )}
    </Page>
  )
}
