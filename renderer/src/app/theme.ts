import type { ThemeConfig } from 'antd';

// One look for every screen: compact enough for 1366×768, large enough to read at a counter.
// No motion: drawers and dialogs appear at once, so a fast typist is never waiting on a slide.
export const theme: ThemeConfig = {
  token: {
    motion: false,
    fontSize: 14,
    borderRadius: 4,
    fontFamily:
      "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 2px' },
    Layout: { headerHeight: 52, headerPadding: '0 16px', headerBg: '#ffffff', siderBg: '#001529' },
    Table: { cellPaddingBlockSM: 6 },
  },
};
