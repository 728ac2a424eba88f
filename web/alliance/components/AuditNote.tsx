// Under the KPI cards, on screen and on paper: the block the figures stand at, the status rule,
// and the exact `yuscan audit` command that recomputes them from any node of the chain.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { auditCommand } from '../lib/audit';
import { statusRuleText } from '../lib/standing';
import type { DashboardData } from '../resources';

export function AuditNote({ status, registry, period }: { status: DashboardData['status']; registry: string; period?: string }) {
  const { t } = useTranslation('alliance');
  const f = useFormat();
  const tr = (key: string, vars?: Record<string, string | number>) => t(key, vars);
  return (
    <section className="al-audit" data-testid="audit-note" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <p>{t('audit.text', { block: f.number(status.indexedHead), chainId: status.chainId })}</p>
      <pre className="al-audit-command" data-testid="audit-command">
        <code>{auditCommand({ registry, period, block: status.indexedHead })}</code>
      </pre>
      <p className="muted">{t('audit.rule', { rule: statusRuleText(tr, f) })}</p>
    </section>
  );
}
