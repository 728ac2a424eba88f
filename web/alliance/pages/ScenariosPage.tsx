// /scenarios: every scenario with its stage history; filter by current stage (in the URL).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useAllPages } from '../../lib/pages';
import { useUrlState } from '../../lib/urlState';
import { objectsToCsv } from '../lib/csv';
import { memberName } from '../lib/names';
import type { Stage } from '../resources';
import { CsvButton } from '../components/Export';
import { SkeletonRows } from '../../components/states';
import '../alliance.css';
import { urls } from '../../lib/urls';

const STAGES: Stage[] = ['PILOT', 'IN_DEPTH', 'RETIRED'];

export default function ScenariosPage() {
  const { t, i18n } = useTranslation('alliance');
  const f = useFormat();
  const lang = i18n.language;
  const [params, setParam] = useUrlState();
  const stageRaw = params.get('stage') as Stage | null;
  const stage = stageRaw && STAGES.includes(stageRaw) ? stageRaw : null;
  const q = useAllPages('scenarios', { stage }, (d) => d.scenarios);
  const name = (s: { name: string; nameEn: string; nameZh: string }) => (lang.startsWith('zh') ? s.nameZh : s.nameEn) || s.name;
  const rows = q.data ?? [];
  return (
    <div className="al-page" data-testid="scenarios-page">
      <div className="al-section-head">
        <h1>{t('scenarios.title')}</h1>
        <CsvButton
          filename="scenarios.csv"
          build={() =>
            objectsToCsv(
              [
                { key: 'id', label: 'id' },
                { key: 'name', label: 'name' },
                { key: 'sector', label: 'sector' },
                { key: 'stage', label: 'stage' },
                { key: 'lead', label: 'lead_member' },
                { key: 'launched', label: 'launched' },
                { key: 'history', label: 'stage_history' },
              ],
              rows.map((s) => ({
                ...s,
                lead: s.leadMemberAddress,
                launched: new Date(s.launchedAt * 1000).toISOString().slice(0, 10),
                history: s.stages.map((h) => `${h.date} ${h.stage}`).join('; '),
              })),
            )
          }
        />
      </div>
      <div className="al-filters">
        <label>
          {t('scenarios.stage')}
          <select value={stage ?? ''} onChange={(e) => setParam('stage', e.target.value || null)} data-testid="stage-select">
            <option value="">{t('members.all')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q.isPending && <SkeletonRows rows={8} />}
      {q.isError && <p role="alert">{t('common.error', { message: q.error.message })}</p>}
      {q.data && <p className="muted">{t('scenarios.count', { count: f.number(rows.length) })}</p>}
      <div className="table-wrap">
        <table className="data stack">
          <thead>
            <tr>
              <th>{t('members.name')}</th>
              <th>{t('members.sector')}</th>
              <th>{t('scenarios.lead')}</th>
              <th>{t('scenarios.stage')}</th>
              <th>{t('scenarios.history')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} id={`scenario-${s.id}`} data-testid="scenario-row">
                <td data-label={t('members.name')}>{name(s)}</td>
                <td data-label={t('members.sector')}>{t(`sector.${s.sector}`, { defaultValue: s.sector })}</td>
                <td data-label={t('scenarios.lead')}>
                  <Link to={urls.member(s.leadMemberAddress)}>{memberName(s.leadMember, lang)}</Link>
                </td>
                <td data-label={t('scenarios.stage')}>
                  <span className={`al-stage al-stage-${s.stage}`}>{t(`stage.${s.stage}`)}</span>
                </td>
                <td data-label={t('scenarios.history')}>
                  <ol className="al-timeline">
                    {s.stages.map((h) => (
                      <li key={h.txHash + h.stage}>
                        <Link to={urls.tx(h.txHash)} title={h.txHash}>
                          <span className={`al-stage al-stage-${h.stage}`}>{t(`stage.${h.stage}`)}</span> {f.date(h.at)}
                        </Link>
                      </li>
                    ))}
                  </ol>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
