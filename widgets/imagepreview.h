#pragma once
// A large view of one image with its path, size and label. Decoding runs off the GUI thread;
// a newer request supersedes an older one. GUI thread only.

#include <QImage>
#include <QWidget>

class QLabel;

namespace kiln {

class ImageCanvas;

class ImagePreview : public QWidget {
    Q_OBJECT
public:
    explicit ImagePreview(QWidget *parent = nullptr);

    void showImage(const QString &path, const QString &label, const QString &split);
    void clear();
    QString infoText() const;
    bool hasImage() const;

Q_SIGNALS:
    void imageShown();

private:
    ImageCanvas *m_canvas;
    QLabel *m_info;
    quint64 m_request = 0;
};

} // namespace kiln
