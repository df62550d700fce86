#include "imagepreview.h"

#include "backgroundjob.h"

#include "data/imageloader.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

namespace kiln {

class ImageCanvas : public QWidget {
public:
    explicit ImageCanvas(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumSize(160, 160);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    void setImage(QImage image)
    {
        m_image = std::move(image);
        update();
    }
    const QImage &image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        if (m_image.isNull())
            return;
        const QSize s = m_image.size().scaled(size(), Qt::KeepAspectRatio);
        const QRect target((width() - s.width()) / 2, (height() - s.height()) / 2, s.width(), s.height());
        p.setRenderHint(QPainter::SmoothPixmapTransform, s.width() < 2 * m_image.width());
        p.drawImage(target, m_image);
    }

private:
    QImage m_image;
};

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
    , m_canvas(new ImageCanvas(this))
    , m_info(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_info);
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setText(tr("Select an image to see it here."));
}

void ImagePreview::showImage(const QString &path, const QString &label, const QString &split)
{
    const quint64 request = ++m_request;
    runOnPool(this, [p = path.toStdString()] { return loadImage(p, 20000); }, [this, request, path, label, split](LoadedImage loaded) {
        if (request != m_request)
            return;
        m_canvas->setImage(loaded.image);
        const QLocale locale;
        const QFileInfo fi(path);
        QString text = QStringLiteral("<b>%1</b><br>%2<br>").arg(label.toHtmlEscaped(), path.toHtmlEscaped());
        if (loaded.image.isNull())
            text += tr("Cannot show this image: %1").arg(QString::fromStdString(loaded.error).toHtmlEscaped());
        else
            text += tr("%1 × %2 px · %3 · %4 split")
                        .arg(loaded.sourceWidth)
                        .arg(loaded.sourceHeight)
                        .arg(locale.formattedDataSize(fi.size()), split);
        m_info->setText(text);
        Q_EMIT imageShown();
    });
}

void ImagePreview::clear()
{
    ++m_request;
    m_canvas->setImage({});
    m_info->setText(tr("Select an image to see it here."));
}

QString ImagePreview::infoText() const
{
    return m_info->text();
}

bool ImagePreview::hasImage() const
{
    return !m_canvas->image().isNull();
}

} // namespace kiln
