/**
 * @module web/admin/components/echarts
 * The parts of Apache ECharts the back office draws with, registered once. Loaded on demand by
 * EChart.vue, so that the login screen and the editor do not wait for the charting library.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export { init };
