// A labelled KPI picker kept in the URL: the default KPI (PATENTS) is stored as null.
import { useTranslation } from 'react-i18next';
import type { KpiId } from '../lib/kpi';

export function KpiSelect({ label, value, options, onChange, testId, className }: {
  label: string;
  value: KpiId;
  options: readonly KpiId[];
  onChange(v: string | null): void;
  testId: string;
  className: string;
}) {
  const { t } = useTranslation('alliance');
  return (
    <div className={`${className} no-print`}>
      <label>
        {label}{' '}
        <select value={value} onChange={(e) => onChange(e.target.value === 'PATENTS' ? null : e.target.value)} data-testid={testId}>
          {options.map((k) => (
            <option key={k} value={k}>
              {t(`kpi.${k}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
