#pragma once
// A row of small images, drawn crisp when enlarged: the Train page's live preview of augmentation
// (the same image as the training pipeline would show it to the model, several draws).
// GUI thread only.

#include <QImage>
#include <QWidget>

#include <vector>

namespace kiln {

class PreviewStrip : public QWidget {
    Q_OBJECT
public:
    explicit PreviewStrip(QWidget *parent = nullptr);
    void setImages(std::vector<QImage> images);
    int imageCount() const { return int(m_images.size()); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<QImage> m_images;
};

} // namespace kiln
