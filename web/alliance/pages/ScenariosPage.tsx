// /scenarios: every scenario with its stage history; filter by current stage (in the URL).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useAllPages } from '../../lib/pages';
import { useUrlState } from '../../lib/urlState';
import { columnsCsv, type Column } from '../lib/columns';
import { DataTable } from '../../components/DataTable';
import { memberName } from '../lib/names';
import type { Stage } from '../resources';
import { CsvButton } from '../components/Export';
import { ListState } from '../../components/states';
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
  const columns: Array<Column<(typeof rows)[number]>> = [
    { csv: 'id', value: (s) => s.id },
    { csv: 'name', heading: t('members.name'), value: (s) => s.name, cell: name },
    { csv: 'sector', heading: t('members.sector'), value: (s) => s.sector, cell: (s) => t(`sector.${s.sector}`, { defaultValue: s.sector }) },
    {
      csv: 'lead_member', heading: t('scenarios.lead'), value: (s) => s.leadMemberAddress,
      cell: (s) => <Link to={urls.member(s.leadMemberAddress)}>{memberName(s.leadMember, lang)}</Link>,
    },
    { csv: 'stage', heading: t('scenarios.stage'), value: (s) => s.stage, cell: (s) => <span className={`al-stage al-stage-${s.stage}`}>{t(`stage.${s.stage}`)}</span> },
    { csv: 'launched', value: (s) => new Date(s.launchedAt * 1000).toISOString().slice(0, 10) },
    {
      csv: 'stage_history', heading: t('scenarios.history'), value: (s) => s.stages.map((h) => `${h.date} ${h.stage}`).join('; '),
      cell: (s) => (
        <ol className="al-timeline">
          {s.stages.map((h) => (
            <li key={h.txHash + h.stage}>
              <Link to={urls.tx(h.txHash)} title={h.txHash}>
                <span className={`al-stage al-stage-${h.stage}`}>{t(`stage.${h.stage}`)}</span> {f.date(h.at)}
              </Link>
            </li>
          ))}
        </ol>
      ),
    },
  ];
  return (
    <div className="al-page" data-testid="scenarios-page">
      <div className="al-section-head">
        <h1>{t('scenarios.title')}</h1>
        <CsvButton
          filename="scenarios.csv"
          build={() => columnsCsv(columns, rows)}
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
      {q.data && <p className="muted">{t('scenarios.count', { count: f.number(rows.length) })}</p>}
      <ListState query={q} items={q.data ? rows : undefined} empty={t('evidence.none')} skeletonRows={8}>
        {(items) => <DataTable columns={columns} rows={items} rowKey={(s) => String(s.id)} rowProps={(s) => ({ id: `scenario-${s.id}`, 'data-testid': 'scenario-row' })} />}
      </ListState>
    </div>
  );
}
