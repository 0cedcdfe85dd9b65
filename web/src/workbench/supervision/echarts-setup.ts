import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts with only what the dashboard draws (bars, a pie, a line on a canvas). Imported dynamically by
 * DashboardChart.vue, so the library is fetched on the supervision pages only, never by the portal or other areas.
 */
use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { init };
